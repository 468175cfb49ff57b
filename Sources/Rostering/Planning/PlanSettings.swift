import Workforce

/// A commissioner's assumptions for a workforce plan (`roster plan`), beside what the case says.
public struct PlanSettings: Sendable, Equatable {
    /// The share of contracted time lost to leave and sickness (0 to ``maximumHeadroom``): a full-time
    /// equivalent works `fteHours × (1 − headroom)` hours a week and is paid for `fteHours`.
    public var headroom: Double
    /// Contracted hours a week of one full-time equivalent (FTE).
    public var fteHours: Double
    /// The largest share (0 to 1) of all planned paid hours that generic roles may give; `nil` = no cap.
    public var maxGenericShare: Double?
    /// Whether a role may be based at every locality; otherwise only where its staff live today (every
    /// locality when it has no staff).
    public var anyBase: Bool

    /// The largest headroom: beyond it a post would hardly work at all.
    public static let maximumHeadroom = 0.9

    public init(headroom: Double = 0.16, fteHours: Double = 37.5, maxGenericShare: Double? = nil, anyBase: Bool = false)
    {
        self.headroom = headroom
        self.fteHours = fteHours
        self.maxGenericShare = maxGenericShare
        self.anyBase = anyBase
    }

    /// Checks each setting's range.
    /// - Throws: ``PlanSettingsError`` naming the first setting out of range.
    public func validate() throws {
        if !(0...Self.maximumHeadroom).contains(headroom) {
            throw PlanSettingsError(
                setting: "headroom", value: headroom,
                requirement: "must be the fraction of time lost to leave and sickness, from 0 to 0.9")
        }
        if !(fteHours > 0 && fteHours <= Limits.weeklyHours) {
            throw PlanSettingsError(
                setting: "fte-hours", value: fteHours,
                requirement: "must be the weekly hours of a full-time post, more than 0 and at most 168")
        }
        if let share = maxGenericShare, !(0...1).contains(share) {
            throw PlanSettingsError(
                setting: "max-generic-share", value: share,
                requirement: "must be a share of the planned paid hours, from 0 to 1")
        }
    }
}

/// A plan setting out of range: its name (as the command-line option, without `--`) and what it must be.
public struct PlanSettingsError: Error, Sendable, CustomStringConvertible {
    /// `headroom`, `fte-hours` or `max-generic-share`.
    public var setting: String
    public var value: Double
    public var requirement: String

    public var description: String { "\(setting) \(requirement), not '\(value)'" }
}
