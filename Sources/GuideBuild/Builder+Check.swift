import GuideCheck
import GuideContent
import GuideSupport

extension SiteChecker {
    /// The checker of the site that `options` builds.
    public init(options: BuildOptions, today: Day) {
        self.init(contentDirectory: options.contentDirectory, templatesDirectory: options.templatesDirectory,
                  fileSystem: options.templateFiles, today: today)
    }

    /// Checks a site already built (by `build --strict`, which then writes the same files),
    /// with the warnings of its build.
    public func check(_ generated: GeneratedSite) -> CheckReport {
        check(site: generated.site, files: generated.files, buildWarnings: generated.warnings)
    }
}

extension Builder {
    /// Builds the site in memory and checks it as of `today`; a site that does not build is
    /// reported with its build errors, since the other checks need the built pages.
    public func check(asOf today: Day) -> CheckReport {
        do {
            return SiteChecker(options: options, today: today).check(try generate(cache: nil))
        } catch {
            return CheckReport(buildFailure: error.diagnostics)
        }
    }
}
