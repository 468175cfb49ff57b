import LinearModel
import Workforce

/// Builds the roster MIP of a case from the rule catalogue (``RuleID``).
public enum Formulation {
    /// Every rule the model adds rows for, in catalogue order.
    public static let rules: [any RosterRule] = RuleID.allCases.compactMap(\.modelRule)

    /// The model of `c` with `rules` (all of them by default).
    public static func build(_ c: Case, rules: [any RosterRule] = rules) -> RosterModel {
        build(CaseIndex(Candidates(c)), rules: rules)
    }

    /// The model of an indexed case with `rules` (all of them by default).
    public static func build(_ index: CaseIndex, rules: [any RosterRule] = rules) -> RosterModel {
        var roster = RosterModel(index)
        for rule in rules { rule.apply(to: &roster) }
        return roster
    }

    /// The model of `c` with the rules of `ids` only (plus one shift per date, the model's structure).
    public static func build(_ c: Case, only ids: Set<RuleID>) -> RosterModel {
        build(c, rules: RuleID.allCases.filter { ids.contains($0) || $0 == .oneShiftPerDate }.compactMap(\.modelRule))
    }
}
