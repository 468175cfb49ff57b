import LinearModel

/// Small models with optima known by hand or by brute force.
enum Models {
    /// Dantzig's example: max 3x + 5y, x <= 4, 2y <= 12, 3x + 2y <= 18. Optimum 36 at (2, 6);
    /// row duals (0, 1.5, 1).
    static func dantzig() -> (LinearModel, Variable, Variable) {
        var model = LinearModel(name: "dantzig")
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint("plant1", LinearExpression(x), .lessOrEqual(4))
        model.addConstraint("plant2", 2 * y, .lessOrEqual(12))
        model.addConstraint("plant3", 3 * x + 2 * y, .lessOrEqual(18))
        model.setObjective(.maximize, 3 * x + 5 * y)
        return (model, x, y)
    }

    static let knapsackValues: [Double] = [10, 13, 18, 31, 7, 15, 22, 9, 14, 27]
    static let knapsackWeights: [Double] = [11, 15, 20, 35, 10, 33, 24, 8, 17, 30]
    static let knapsackCapacity: Double = 90

    static func knapsack(capacity: Double = knapsackCapacity) -> LinearModel {
        var model = LinearModel(name: "knapsack")
        let items = knapsackValues.indices.map { model.addVariable("take[\($0)]", kind: .binary) }
        model.addConstraint(
            "capacity",
            LinearExpression(terms: zip(items, knapsackWeights).map { Term($0, $1) }), .lessOrEqual(capacity))
        model.setObjective(.maximize, LinearExpression(terms: zip(items, knapsackValues).map { Term($0, $1) }))
        return model
    }

    /// The knapsack optimum by enumerating all 2^n subsets.
    static func knapsackBruteForce(capacity: Double = knapsackCapacity) -> Double {
        let n = knapsackValues.count
        var best = 0.0
        for mask in 0..<(1 << n) {
            var weight = 0.0
            var value = 0.0
            for i in 0..<n where mask & (1 << i) != 0 {
                weight += knapsackWeights[i]
                value += knapsackValues[i]
            }
            if weight <= capacity { best = max(best, value) }
        }
        return best
    }

    static let assignmentCost: [[Double]] = [
        [9, 2, 7, 8, 6], [6, 4, 3, 7, 5], [5, 8, 1, 8, 7], [7, 6, 9, 4, 8], [3, 5, 6, 7, 2],
    ]

    static func assignment() -> LinearModel {
        let n = assignmentCost.count
        var model = LinearModel(name: "assignment")
        var x: [[Variable]] = []
        for i in 0..<n { x.append((0..<n).map { model.addVariable("x[\(i),\($0)]", kind: .binary) }) }
        for i in 0..<n { model.addConstraint("worker[\(i)]", .sum(x[i]), .equal(1)) }
        for j in 0..<n { model.addConstraint("task[\(j)]", .sum((0..<n).map { x[$0][j] }), .equal(1)) }
        var cost = LinearExpression()
        for i in 0..<n { for j in 0..<n { cost.add(x[i][j], assignmentCost[i][j]) } }
        model.setObjective(.minimize, cost)
        return model
    }

    static func assignmentBruteForce() -> Double {
        func permutations(_ items: [Int]) -> [[Int]] {
            guard items.count > 1 else { return [items] }
            return items.flatMap { head in permutations(items.filter { $0 != head }).map { [head] + $0 } }
        }
        let n = assignmentCost.count
        return permutations(Array(0..<n)).map { p in (0..<n).reduce(0) { $0 + assignmentCost[$1][p[$1]] } }.min()!
    }

    /// A multi-dimensional knapsack from a seeded generator: incumbents come fast, proofs do not.
    static func hardKnapsack(items: Int = 150, dimensions: Int = 20, seed: UInt64 = 7) -> LinearModel {
        var generator = SeededGenerator(seed: seed)
        var model = LinearModel(name: "hard")
        let x = (0..<items).map { model.addVariable("x[\($0)]", kind: .binary) }
        for d in 0..<dimensions {
            let weights = (0..<items).map { _ in Double(Int.random(in: 10...99, using: &generator)) }
            model.addConstraint(
                "dim[\(d)]", LinearExpression(terms: zip(x, weights).map { Term($0, $1) }),
                .lessOrEqual(weights.reduce(0, +) / 2))
        }
        let values = (0..<items).map { _ in Double(Int.random(in: 10...99, using: &generator)) }
        model.setObjective(.maximize, LinearExpression(terms: zip(x, values).map { Term($0, $1) }))
        return model
    }
}

/// SplitMix64: a small seeded generator for repeatable test data.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
