// swift-tools-version: 6.1
// Workforce and generic-worker rostering optimiser, solving with GLPK.
// Licensed GPL-3.0-or-later (GLPK itself is GPL-3.0).
import PackageDescription

let package = Package(
    name: "Roster",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "roster", targets: ["roster"]),
        .library(name: "LinearModel", targets: ["LinearModel"]),
        .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
        .library(name: "Workforce", targets: ["Workforce"]),
        .library(name: "Rostering", targets: ["Rostering"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        // GLPK: its header plus a tiny guard against abort().
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),
        // zlib (a dependency of GLPK's own package): CRC-32 checksums of the output files.
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // libxlsxwriter: roster.xlsx, the outputs as one workbook for spreadsheet users.
        .systemLibrary(
            name: "CXlsxWriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        // Solver-independent model: variables, rows, objective, options, results.
        .target(name: "LinearModel"),
        // The GLPK backend: the only target that imports CGLPK.
        .target(name: "GLPKSolver", dependencies: ["CGLPK", "LinearModel"]),
        // Domain types and the strict case (CSV) reader.
        .target(name: "Workforce"),
        // Roster rules -> model, solution -> roster, the independent evaluator and the outputs.
        .target(
            name: "Rostering",
            dependencies: [
                "Workforce", "LinearModel", "CZlib", "CXlsxWriter", .product(name: "CSV", package: "CSV.swift"),
            ]),
        .executableTarget(
            name: "roster",
            dependencies: [
                "GLPKSolver", "LinearModel", "Workforce", "Rostering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fuzzing the case reader: seeded mutations (CI), or libFuzzer when built with -sanitize=fuzzer.
        .executableTarget(
            name: "roster-fuzz",
            dependencies: [
                "Workforce", "TestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "LinearModel"]),
        .target(name: "TestSupport", dependencies: ["Workforce"], path: "Tests/TestSupport"),
        .testTarget(name: "WorkforceTests", dependencies: ["Workforce", "TestSupport"]),
        .testTarget(
            name: "RosteringTests",
            dependencies: ["Rostering", "GLPKSolver", "Workforce", "LinearModel", "TestSupport"]),
        .testTarget(name: "RosterCommandTests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
