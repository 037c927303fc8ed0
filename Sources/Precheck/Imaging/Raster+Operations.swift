import PrecheckNative

extension Raster {
    /// Luminance (ITU-R BT.601) of an RGB raster; a grey raster is returned as is.
    public func grey() -> Raster {
        if channels == 1 { return self }
        var out = [UInt8](repeating: 0, count: pixelCount)
        pixels.withUnsafeBufferPointer { source in
            for index in 0..<pixelCount {
                let r = Int(source[index * 3]), g = Int(source[index * 3 + 1]), b = Int(source[index * 3 + 2])
                out[index] = UInt8((r * 299 + g * 587 + b * 114 + 500) / 1000)
            }
        }
        return Raster(width: width, height: height, channels: 1, pixels: out)
    }

    /// Resampled by `scale` with libvips.
    public func resized(by scale: Double) throws -> Raster {
        if abs(scale - 1) < 1e-9 { return self }
        return try VipsImage(self).resized(by: scale).raster()
    }

    public func rotated(_ turn: QuarterTurn) throws -> Raster {
        if turn == .none { return self }
        return try VipsImage(self).rotated(turn).raster()
    }

    /// The pixels inside `box` (clipped to the raster).
    public func cropped(to box: PixelBox) -> Raster {
        let clipped = box.intersection(PixelBox(x: 0, y: 0, width: width, height: height))
            ?? PixelBox(x: 0, y: 0, width: 1, height: 1)
        var out = [UInt8]()
        out.reserveCapacity(clipped.area * channels)
        for y in clipped.y..<clipped.maxY {
            let start = (y * width + clipped.x) * channels
            out.append(contentsOf: pixels[start..<start + clipped.width * channels])
        }
        return Raster(width: clipped.width, height: clipped.height, channels: channels, pixels: out)
    }
}
