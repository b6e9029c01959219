// The two astronomical quantities a Chinese-style lunisolar calendar needs: the moments of new moon and the Sun's
// apparent ecliptic longitude. Formulas from Jean Meeus, "Astronomical Algorithms" (2nd ed., 1998): chapter 49
// (phases of the Moon, with all its periodic and planetary terms), chapter 25 (solar coordinates, low accuracy,
// about 0.01°) and chapter 10 (ΔT), with the ΔT polynomials of Espenak and Meeus (NASA, 2006). Good to a few
// seconds for new moons and about a quarter of an hour for solar terms between 1900 and 2200; outside that range
// they still compute, only less accurately.
//
// Times are Julian Days (days since noon UT on 1 January 4713 BC, Julian calendar); "UT" is civil time at
// Greenwich, "TT" the uniform time the formulas run on. Angles are in degrees. Only the standard library is used:
// sine and cosine are computed here, so results are the same on every platform.

/// Pure astronomical arithmetic for ``VietnameseLunarCalendar``.
enum Astronomy {
    /// The Julian Day of 1970-01-01 00:00 UT, the epoch of ``CivilDate/daysSinceEpoch``.
    static let julianDayAtEpoch = 2_440_587.5

    /// Mean length of a synodic month (new moon to new moon), in days.
    static let synodicMonth = 29.530_588_861

    /// The Julian Day (TT) of the mean new moon of lunation 0, 6 January 2000 (Meeus's numbering).
    private static let lunationZero = 2_451_550.097_66

    /// The lunation (Meeus's numbering: 0 is the new moon of 6 January 2000) whose mean new moon is nearest to
    /// `julianDay`. The true new moon is within about 14 hours of the mean one.
    static func nearestLunation(to julianDay: Double) -> Int {
        Int(((julianDay - lunationZero) / synodicMonth).rounded())
    }

    /// The moment of the true new moon of lunation `k`, as a Julian Day in UT.
    static func newMoon(lunation k: Int) -> Double {
        let jde = newMoonTT(lunation: Double(k))
        return jde - deltaT(julianDay: jde) / 86_400
    }

    /// Meeus, chapter 49: the true new moon of lunation `k`, as a Julian Ephemeris Day (TT).
    private static func newMoonTT(lunation k: Double) -> Double {
        let t = k / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let t4 = t3 * t
        let mean = lunationZero + synodicMonth * k + 0.000_154_37 * t2 - 0.000_000_150 * t3 + 0.000_000_000_73 * t4
        let e = 1 - 0.002_516 * t - 0.000_007_4 * t2
        let m = 2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2 - 0.000_000_11 * t3  // Sun's mean anomaly
        let mp = 201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4  // Moon's
        let f = 160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4
        let omega = 124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2 + 0.000_002_15 * t3

        // Periodic terms for the new moon (Meeus's table in section 49, "New Moon" column).
        var c = -0.407_20 * sine(mp)
        c += 0.172_41 * e * sine(m)
        c += 0.016_08 * sine(2 * mp)
        c += 0.010_39 * sine(2 * f)
        c += 0.007_39 * e * sine(mp - m)
        c -= 0.005_14 * e * sine(mp + m)
        c += 0.002_08 * e * e * sine(2 * m)
        c -= 0.001_11 * sine(mp - 2 * f)
        c -= 0.000_57 * sine(mp + 2 * f)
        c += 0.000_56 * e * sine(2 * mp + m)
        c -= 0.000_42 * sine(3 * mp)
        c += 0.000_42 * e * sine(m + 2 * f)
        c += 0.000_38 * e * sine(m - 2 * f)
        c -= 0.000_24 * e * sine(2 * mp - m)
        c -= 0.000_17 * sine(omega)
        c -= 0.000_07 * sine(mp + 2 * m)
        c += 0.000_04 * sine(2 * mp - 2 * f)
        c += 0.000_04 * sine(3 * m)
        c += 0.000_03 * sine(mp + m - 2 * f)
        c += 0.000_03 * sine(2 * mp + 2 * f)
        c -= 0.000_03 * sine(mp + m + 2 * f)
        c += 0.000_03 * sine(mp - m + 2 * f)
        c -= 0.000_02 * sine(mp - m - 2 * f)
        c -= 0.000_02 * sine(3 * mp + m)
        c += 0.000_02 * sine(4 * mp)

        // The fourteen planetary arguments ("additional corrections").
        var a = 0.000_325 * sine(299.77 + 0.107_408 * k - 0.009_173 * t2)
        for term in planetaryTerms {
            a += term.amplitude * sine(term.phase + term.rate * k)
        }
        return mean + c + a
    }

    /// Meeus's planetary arguments A2 to A14: amplitude in days, phase in degrees, rate in degrees per lunation.
    private static let planetaryTerms: [(amplitude: Double, phase: Double, rate: Double)] = [
        (0.000_165, 251.88, 0.016_321), (0.000_164, 251.83, 26.651_886), (0.000_126, 349.42, 36.412_478),
        (0.000_110, 84.66, 18.206_239), (0.000_062, 141.74, 53.303_771), (0.000_060, 207.14, 2.453_732),
        (0.000_056, 154.84, 7.306_860), (0.000_047, 34.52, 27.261_239), (0.000_042, 207.19, 0.121_824),
        (0.000_040, 291.34, 1.844_379), (0.000_037, 161.72, 24.198_154), (0.000_035, 239.56, 25.513_099),
        (0.000_023, 331.55, 3.592_518),
    ]

    /// The Sun's apparent longitude (true equinox of date, with nutation and aberration), in degrees in
    /// `0..<360`, at the moment `julianDay` (UT). Meeus, chapter 25, about 0.01° accurate.
    static func apparentSolarLongitude(julianDay: Double) -> Double {
        let jde = julianDay + deltaT(julianDay: julianDay) / 86_400
        let t = (jde - 2_451_545.0) / 36_525
        let t2 = t * t
        let meanLongitude = 280.466_46 + 36_000.769_83 * t + 0.000_303_2 * t2
        let meanAnomaly = 357.529_11 + 35_999.050_29 * t - 0.000_153_7 * t2
        let center =
            (1.914_602 - 0.004_817 * t - 0.000_014 * t2) * sine(meanAnomaly)
            + (0.019_993 - 0.000_101 * t) * sine(2 * meanAnomaly)
            + 0.000_289 * sine(3 * meanAnomaly)
        let omega = 125.04 - 1934.136 * t
        return normalized(meanLongitude + center - 0.005_69 - 0.004_78 * sine(omega))
    }

    /// ΔT = TT − UT in seconds at the moment `julianDay`: Espenak and Meeus's polynomials from 1860 to 2150 and
    /// their long-term parabola outside that range.
    static func deltaT(julianDay: Double) -> Double {
        let y = 2000 + (julianDay - 2_451_545.0) / 365.2425
        let u = (y - 1820) / 100
        let longTerm = -20 + 32 * u * u
        switch y {
        case ..<1860:
            return longTerm
        case ..<1900:
            let t = y - 1860
            return 7.62 + t * (0.5737 + t * (-0.251_754 + t * (0.016_806_68 + t * (-0.000_447_362_4 + t / 233_174))))
        case ..<1920:
            let t = y - 1900
            return -2.79 + t * (1.494_119 + t * (-0.059_893_9 + t * (0.006_196_6 - t * 0.000_197)))
        case ..<1941:
            let t = y - 1920
            return 21.20 + t * (0.844_93 + t * (-0.076_100 + t * 0.002_093_6))
        case ..<1961:
            let t = y - 1950
            return 29.07 + t * (0.407 + t * (-1 / 233 + t / 2547))
        case ..<1986:
            let t = y - 1975
            return 45.45 + t * (1.067 + t * (-1 / 260 - t / 718))
        case ..<2005:
            let t = y - 2000
            return 63.86 + t
                * (0.3345 + t * (-0.060_374 + t * (0.001_727_5 + t * (0.000_651_814 + t * 0.000_023_735_99))))
        case ..<2050:
            let t = y - 2000
            return 62.92 + t * (0.322_17 + t * 0.005_589)
        case ..<2150:
            return longTerm - 0.5628 * (2150 - y)
        default:
            return longTerm
        }
    }

    /// An angle brought into `0..<360` degrees.
    static func normalized(_ degrees: Double) -> Double {
        let r = degrees.truncatingRemainder(dividingBy: 360)
        return r < 0 ? r + 360 : r
    }

    /// The sine of an angle in degrees. The angle is reduced to within 45° of a multiple of 90° (exactly, for the
    /// magnitudes used here), where Taylor polynomials of sine and cosine are accurate to about 1e-14, far below
    /// what the formulas above need.
    static func sine(_ degrees: Double) -> Double {
        let turns = nearestInteger(degrees * (1.0 / 360))
        let reduced = degrees - 360 * Double(turns)  // -180...180
        let quadrant = nearestInteger(reduced * (1.0 / 90))  // -2...2
        let x = (reduced - 90 * Double(quadrant)) * (.pi / 180)  // |x| <= π/4
        let x2 = x * x
        switch quadrant {
        case 0: return sinTaylor(x, x2)
        case 1: return cosTaylor(x2)
        case -1: return -cosTaylor(x2)
        default: return -sinTaylor(x, x2)
        }
    }

    /// `value` rounded to the nearest integer (halves away from zero), for values far inside `Int`'s range.
    @inline(__always)
    private static func nearestInteger(_ value: Double) -> Int {
        Int(value < 0 ? value - 0.5 : value + 0.5)
    }

    @inline(__always)
    private static func sinTaylor(_ x: Double, _ x2: Double) -> Double {
        // x − x³/3! + x⁵/5! − … − x¹⁵/15!
        let p = -1.0 / 1_307_674_368_000
        let q = 1.0 / 6_227_020_800 + x2 * p
        let r = -1.0 / 39_916_800 + x2 * q
        let s = 1.0 / 362_880 + x2 * r
        let t = -1.0 / 5040 + x2 * s
        let u = 1.0 / 120 + x2 * t
        let v = -1.0 / 6 + x2 * u
        return x + x * x2 * v
    }

    @inline(__always)
    private static func cosTaylor(_ x2: Double) -> Double {
        // 1 − x²/2! + x⁴/4! − … + x¹⁶/16!
        let p = 1.0 / 20_922_789_888_000
        let q = -1.0 / 87_178_291_200 + x2 * p
        let r = 1.0 / 479_001_600 + x2 * q
        let s = -1.0 / 3_628_800 + x2 * r
        let t = 1.0 / 40320 + x2 * s
        let u = -1.0 / 720 + x2 * t
        let v = 1.0 / 24 + x2 * u
        let w = -0.5 + x2 * v
        return 1 + x2 * w
    }
}
