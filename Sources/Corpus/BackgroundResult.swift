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

    /// `compute` given `input`, moved to its thread: no copy stays behind, so
    /// `compute` may consume it and free its parts as it goes.
    convenience init<Input>(moving input: consuming Input, _ compute: @escaping @Sendable (consuming Input) -> Value) {
        let moved = MovedValue(input)
        self.init { compute(moved.take()) }
    }

    // Safe: `result` is written once, before the signal, and read only after the wait.
    var value: Value {
        done.wait()
        done.signal() // a second reader need not wait
        return result!
    }
}

/// A value on its way to another thread, taken there once.
private final class MovedValue<Value>: @unchecked Sendable {
    private var value: Value?

    init(_ value: consuming Value) { self.value = value }

    // Safe: taken once, by the one thread it was handed to.
    func take() -> Value {
        defer { value = nil }
        return value!
    }
}
