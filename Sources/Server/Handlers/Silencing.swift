import Analysis
import Checks
import Foundation
import JSONRPC
import LSP

/// Silencing one finding for one draft: the quick fix "Deze melding negeren in dit
/// ontwerp" runs `vraagbaak.silence`, which adds the finding's code and fingerprint
/// to the workspace's `vraagbaak.json` (`SilenceEntry`), rereads it and checks again.
extension LanguageServer {
    static let silenceCommand = "vraagbaak.silence"

    func registerSilencing() {
        onRequest("workspace/executeCommand", ExecuteCommandParams.self) { [unowned self] params in
            guard params.command == Self.silenceCommand else {
                throw ResponseError.invalidParams("Unknown command: \(params.command)")
            }
            let arguments = params.arguments ?? []
            guard arguments.count >= 3, let uri = arguments[0].stringValue, let name = arguments[1].stringValue,
                  let code = RuleCode(rawValue: name), let fingerprint = arguments[2].stringValue,
                  let draft = URL(string: uri), draft.isFileURL else {
                throw ResponseError.invalidParams("\(Self.silenceCommand) takes a file URI, a rule code and a fingerprint")
            }
            guard let root = session.rootPath else {
                throw ResponseError.invalidParams("No workspace folder: open the draft's folder as the workspace to silence a finding")
            }
            let configPath = URL(fileURLWithPath: root).appendingPathComponent(ConfigurationFile.name).path
            do {
                try SilenceEntry.add(Silence(code: code, fingerprint: fingerprint),
                                     excerpt: arguments.count > 3 ? arguments[3].stringValue ?? "" : "",
                                     draftPath: draft.path, to: configPath)
            } catch {
                throw ResponseError.invalidParams("Vraagbaak: \(error)")
            }
            logToClient(.info, "Vraagbaak: \(code.rawValue) silenced for \(draft.lastPathComponent) in \(configPath)")
            reloadConfigurationFile()
            return JSONValue.null
        }
    }
}
