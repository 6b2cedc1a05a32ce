// Entry point of the `wheelhouse` command. Subcommands are wired in cli/commands.
console.error('wheelhouse: not yet wired');
process.exit(1);
