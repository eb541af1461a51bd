import Checks
import Foundation

/// Writes a silenced finding into a `vraagbaak.json`: the one place Vraagbaak edits
/// that file, when the member asks for it (the quick fix "Deze melding negeren").
/// The draft itself is never touched, so nothing of it reaches the submitted text.
package enum SilenceEntry {
    package enum Failure: Error, CustomStringConvertible {
        case notAnObject(String)
        case cannotWrite(String, String)

        package var description: String {
            switch self {
            case .notAnObject(let path): return "\(path) is not a JSON object; fix it first, then silence the finding again"
            case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    /// Adds `silence` for the draft at `draftPath` under `silence` in the file at
    /// `configPath` (created when missing), keeping every other key; a fresh file
    /// renamed into place. The draft's key is its path relative to the file's folder
    /// when it lies inside it. Returns false when the entry was there already.
    @discardableResult
    package static func add(_ silence: Silence, excerpt: String, draftPath: String, to configPath: String) throws -> Bool {
        var root: [String: Any] = [:]
        if let data = FileManager.default.contents(atPath: configPath), !data.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw Failure.notAnObject(configPath)
            }
            root = object
        }
        let folder = URL(fileURLWithPath: configPath).deletingLastPathComponent().standardizedFileURL.path
        let draft = Configuration.silenceKey(draftPath) ?? draftPath
        let key = draft.hasPrefix(folder + "/") ? String(draft.dropFirst(folder.count + 1)) : draft
        var drafts = root["silence"] as? [String: Any] ?? [:]
        var entries = drafts[key] as? [Any] ?? []
        let present = entries.contains { entry in
            guard let entry = entry as? [String: Any] else { return false }
            return entry["code"] as? String == silence.code.rawValue && entry["fingerprint"] as? String == silence.fingerprint
        }
        if present { return false }
        entries.append(["code": silence.code.rawValue, "fingerprint": silence.fingerprint, "text": excerpt])
        drafts[key] = entries
        root["silence"] = drafts
        do {
            var data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            data.append(0x0A)
            try data.write(to: URL(fileURLWithPath: configPath), options: .atomic)
        } catch {
            throw Failure.cannotWrite(configPath, "\(error.localizedDescription)")
        }
        return true
    }
}
