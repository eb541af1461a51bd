import CLI
import Foundation

// A closed pipe must not kill the server with SIGPIPE: the write fails and is logged.
signal(SIGPIPE, SIG_IGN)
// Nor a file-size limit (`ulimit -f`) with SIGXFSZ: the cache write fails with EFBIG
// and says so.
signal(SIGXFSZ, SIG_IGN)
exit(Vraagbaak.main(Array(CommandLine.arguments.dropFirst()), standardInputIsTerminal: isatty(0) == 1))
