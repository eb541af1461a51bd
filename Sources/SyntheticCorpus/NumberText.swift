/// Numbers the Dutch way: `15.000`, `2,4 miljoen euro`. Integer arithmetic only.
enum NumberText {
    static func grouped(_ value: Int) -> String {
        let digits = String(value < 0 ? -value : value)
        var result = ""
        result.reserveCapacity(digits.count + digits.count / 3)
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(".") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// Four digits at least, for file names that sort (`0007.txt`).
    static func padded(_ value: Int, width: Int = 4) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func euros(thousands: Int) -> String {
        if thousands >= 1000 {
            let tenths = thousands / 100
            let whole = tenths / 10
            let fraction = tenths % 10
            return fraction == 0 ? "\(whole) miljoen euro" : "\(whole),\(fraction) miljoen euro"
        }
        return "\(grouped(thousands * 1000)) euro"
    }
}
