/// A renderer that lays out in millimetres and draws at `dpi`.
protocol PhysicalLayout {
    var dpi: Int { get }
}

extension PhysicalLayout {
    /// Millimetres to pixels at the page's resolution.
    func mm(_ value: Double) -> Int { Int((value * Double(dpi) / 25.4).rounded()) }
}
