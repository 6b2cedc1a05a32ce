// esbuild loads `import text from './x.css' with { type: 'text' }` as the file's text.
declare module '*.css' {
  const text: string;
  export default text;
}
