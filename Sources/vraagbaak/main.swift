import CLI
import Foundation

// A closed pipe must not kill the server with SIGPIPE: the write fails and is logged.
signal(SIGPIPE, SIG_IGN)
exit(Vraagbaak.main(Array(CommandLine.arguments.dropFirst()), standardInputIsTerminal: isatty(0) == 1))
