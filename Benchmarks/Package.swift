// swift-tools-version: 6.1
// Speed and memory measurements of the roster package (kept apart so the main manifest stays light).
// Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "RosterBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Roster", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ModelBuild",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LinearModel", package: "Roster"),
                .product(name: "GLPKSolver", package: "Roster"),
            ],
            path: "Benchmarks/ModelBuild",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RosterBuild",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Workforce", package: "Roster"),
                .product(name: "Rostering", package: "Roster"),
                .product(name: "GLPKSolver", package: "Roster"),
                .product(name: "LinearModel", package: "Roster"),
            ],
            path: "Benchmarks/RosterBuild",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
