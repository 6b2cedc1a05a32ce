// exec probes: the command runs inside the container's sandbox (through the runtime's target); exit
// code 0 is success and the output is the message, as upstream's exec prober.
import type { ProbeOutcome, ProbeTarget } from './types';

export async function execProbe(command: string[], target: ProbeTarget, timeoutMs: number): Promise<ProbeOutcome> {
  if (!command.length) return { result: 'failure', message: 'exec probe has no command' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The target gets the timeout too; this race guards a target that does not honour it.
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs + 50)));
  try {
    const answer = await Promise.race([target.exec(command, timeoutMs), timedOut]);
    if (answer === 'timeout') return { result: 'failure', message: `command "${command.join(' ')}" timed out` };
    if (answer.exitCode === 0) return { result: 'success', message: answer.output };
    return { result: 'failure', message: answer.output.trim() || `command "${command.join(' ')}" exited with ${answer.exitCode}` };
  } catch (err) {
    return { result: 'failure', message: `failed to run probe command "${command.join(' ')}": ${(err as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}
