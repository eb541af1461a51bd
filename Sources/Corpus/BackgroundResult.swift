import Dispatch
import Foundation

/// A value computed on a thread of its own, waited for when it is needed.
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ compute: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            result = compute()
            done.signal()
        }
    }

    // Safe: `result` is written once, before the signal, and read only after the wait.
    var value: Value {
        done.wait()
        done.signal() // a second reader need not wait
        return result!
    }
}
