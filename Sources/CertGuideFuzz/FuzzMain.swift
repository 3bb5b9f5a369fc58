import CFuzzerDriver
import Foundation
import GuideBuild

#if FUZZING
#endif

/// The templates every input renders with: `CERTGUIDE_FUZZ_TEMPLATES`, or `Templates/` of the
/// folder it runs in. Read once, before the first input.
let templates = FuzzHarness.templates(from: URL(fileURLWithPath: ProcessInfo.processInfo.environment["CERTGUIDE_FUZZ_TEMPLATES"] ?? "Templates"))

/// The libFuzzer entry point: one input through the whole pipeline, to the checked pages.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzHarness.run(data: Data(bytes: data, count: size), templates: templates)
    return 0
}

/// Built with FUZZING (and -sanitize=fuzzer) this hands over to libFuzzer's driver; SwiftPM
/// gives every executable its own `main`, so libFuzzer's cannot be used. Built normally it
/// replays saved inputs (files, or every file of a folder) through the same function.
@main
struct FuzzMain {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data ?? UnsafePointer(bitPattern: 1)!, size) })
        #else
        guard !templates.isEmpty else {
            FileHandle.standardError.write(Data("error: no templates; run from the project folder or set CERTGUIDE_FUZZ_TEMPLATES\n".utf8))
            exit(1)
        }
        replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    static func replay(_ arguments: [String]) {
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: certguide-fuzz FILE-OR-FOLDER...\n".utf8))
            exit(64)
        }
        var count = 0
        for path in arguments.flatMap(inputs(at:)) {
            guard let bytes = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): error: cannot read input\n".utf8))
                exit(1)
            }
            FuzzHarness.run(data: bytes, templates: templates)
            count += 1
        }
        print("\(count) inputs, no crash")
    }

    static func inputs(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(path)/\($0)" }
    }
}
