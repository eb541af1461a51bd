/// A small, strict command-line parser: a subcommand, `--flag`, `--option VALUE`
/// (or `--option=VALUE`) and positional arguments. Unknown options are errors.
public struct Arguments: Equatable, Sendable {
    public var positional: [String] = []
    public var flags: Set<String> = []
    public var options: [String: [String]] = [:]

    public struct UsageError: Error, Equatable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Parses `arguments` given which flags and options the command accepts.
    /// `-` alone is positional (stdin); everything after `--` is positional.
    public init(_ arguments: [String], flags allowedFlags: Set<String>, options allowedOptions: Set<String>) throws(UsageError) {
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || argument == "-" || !argument.hasPrefix("-") {
                positional.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositional = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if allowedFlags.contains(name) {
                guard inlineValue == nil else { throw UsageError("\(name) takes no value") }
                flags.insert(name)
            } else if allowedOptions.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError("\(name) needs a value") }
                    value = arguments[index]
                    index += 1
                }
                options[name, default: []].append(value)
            } else {
                throw UsageError("unknown option \(name)")
            }
        }
    }

    public func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The last value given for `option`.
    public func value(_ option: String) -> String? { options[option]?.last }

    public func values(_ option: String) -> [String] { options[option] ?? [] }
}
