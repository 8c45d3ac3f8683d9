// A user error on the command line: main() prints its first line after "spiegel: " and exits with 2.
// Its own module so a command does not import main.ts (which would load every other command with it).
export class CliError extends Error {}
