#if canImport(Glibc)
import Glibc
#endif

/// Undoes an inherited "ignore" for the shutdown signals.
///
/// A non-interactive shell starts `cmd &` with SIGINT ignored, and on Linux Dispatch leaves an
/// ignored signal ignored, so `serve` would never see SIGINT. Resetting to the default first
/// lets ServiceLifecycle's handlers take over, as `serve` promises.
enum InheritedSignals {
    static func restoreShutdownSignals() {
        #if canImport(Glibc)
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        #endif
    }
}
