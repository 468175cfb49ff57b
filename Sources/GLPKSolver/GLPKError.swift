import CGLPK
import LinearModel

/// A GLPK call that did not work (as opposed to a solver conclusion such as "infeasible").
public enum GLPKError: SolverFailure, Sendable, CustomStringConvertible {
    /// GLPK raised an internal error; its environment on this thread was freed, no GLPK object
    /// created on the thread before this point may be used again.
    case environmentLost(operation: String, detail: String)
    /// A GLPK routine returned a failure code; `sentence` is the GLPK manual's explanation.
    case failure(operation: String, code: Int32, sentence: String)
    /// A model file could not be read or written.
    case file(operation: String, path: String, detail: String)

    public var description: String {
        switch self {
        case .environmentLost(let operation, let detail):
            return "GLPK raised an internal error during \(operation)\(detail.isEmpty ? "" : " (\(detail))"); "
                + "the solver environment of this thread was reset"
        case .failure(let operation, let code, let sentence):
            return "GLPK \(operation) failed (\(GLPKReturnCode.name(code))): \(sentence)"
        case .file(let operation, let path, let detail):
            return "cannot \(operation) '\(path)': \(detail)"
        }
    }
}

/// GLPK's return codes with the manual's sentence for each.
enum GLPKReturnCode {
    static func name(_ code: Int32) -> String {
        switch code {
        case 0: return "0"
        case GLP_EBADB: return "GLP_EBADB"
        case GLP_ESING: return "GLP_ESING"
        case GLP_ECOND: return "GLP_ECOND"
        case GLP_EBOUND: return "GLP_EBOUND"
        case GLP_EFAIL: return "GLP_EFAIL"
        case GLP_EOBJLL: return "GLP_EOBJLL"
        case GLP_EOBJUL: return "GLP_EOBJUL"
        case GLP_EITLIM: return "GLP_EITLIM"
        case GLP_ETMLIM: return "GLP_ETMLIM"
        case GLP_ENOPFS: return "GLP_ENOPFS"
        case GLP_ENODFS: return "GLP_ENODFS"
        case GLP_EROOT: return "GLP_EROOT"
        case GLP_ESTOP: return "GLP_ESTOP"
        case GLP_EMIPGAP: return "GLP_EMIPGAP"
        case GLP_ENOFEAS: return "GLP_ENOFEAS"
        case GLP_ENOCVG: return "GLP_ENOCVG"
        case GLP_EINSTAB: return "GLP_EINSTAB"
        case GLP_EDATA: return "GLP_EDATA"
        case GLP_ERANGE: return "GLP_ERANGE"
        default: return "code \(code)"
        }
    }

    /// The GLPK manual's sentence for a return code of glp_simplex / glp_intopt.
    static func sentence(_ code: Int32) -> String {
        switch code {
        case 0: return "The problem was solved."
        case GLP_EBADB:
            return "Unable to start the search, because the initial basis specified in the problem object is invalid."
        case GLP_ESING:
            return
                "Unable to start the search, because the basis matrix corresponding to the initial basis "
                + "is singular within the working precision."
        case GLP_ECOND:
            return
                "Unable to start the search, because the basis matrix corresponding to the initial basis "
                + "is ill-conditioned."
        case GLP_EBOUND:
            return
                "Unable to start the search, because some double-bounded (auxiliary or structural) "
                + "variables have incorrect bounds."
        case GLP_EFAIL: return "The search was prematurely terminated due to the solver failure."
        case GLP_EOBJLL:
            return
                "The search was prematurely terminated, because the objective function being maximized "
                + "has reached its lower limit and continues decreasing."
        case GLP_EOBJUL:
            return
                "The search was prematurely terminated, because the objective function being minimized "
                + "has reached its upper limit and continues increasing."
        case GLP_EITLIM:
            return "The search was prematurely terminated, because the simplex iteration limit has been exceeded."
        case GLP_ETMLIM: return "The search was prematurely terminated, because the time limit has been exceeded."
        case GLP_ENOPFS:
            return "The LP problem instance has no primal feasible solution (only if the LP presolver is used)."
        case GLP_ENODFS:
            return "The LP problem instance has no dual feasible solution (only if the LP presolver is used)."
        case GLP_EROOT:
            return "Unable to start the search, because optimal basis for initial LP relaxation is not provided."
        case GLP_ESTOP: return "The search was prematurely terminated by application."
        case GLP_EMIPGAP:
            return "The search was prematurely terminated, because the relative mip gap tolerance has been reached."
        default: return "GLPK returned an undocumented code."
        }
    }
}
