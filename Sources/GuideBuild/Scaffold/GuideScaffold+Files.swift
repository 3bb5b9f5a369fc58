import GuideContent

/// The text of the files `certguide init` writes.
extension GuideScaffold {
    var siteSettings: String {
        """
        # The settings of the whole guide. Every key is explained; the three marked required must
        # be there. Check your changes with `certguide check`.

        # required: the guide's name, in the header of every page and in the feed
        title: \(EntryScaffold.yaml(title))
        # required: the address the guide is published at, ending in `/`. Canonical links, the
        # sitemap and the feed use it; `certguide build --base-url` overrides it for a staging host.
        # The site's links start with `/`, so serve it from the root of a domain.
        base_url: \(EntryScaffold.yaml(baseURL))
        # required: one or two sentences for search engines and link previews (160 characters at most)
        description: Plain guidance for library staff on professional certifications, what they cost and how to prepare.
        # the language of the pages, as an HTML lang code (en, fr, de-CH, ...); en when unset
        language: en
        # entries whose `verified:` date is older than this many months are reported by
        # `certguide check` (and stop `check --strict`) until someone checks them again; 12 when unset
        stale_after_months: 12
        # false: HTML written in Markdown and `javascript:` links are dropped. true lets them through;
        # only for guides whose every editor may put scripts on the site
        raw_html: false
        # the links of the menu at the top of every page, in order; each `url` must lead to a page
        # of the guide (`certguide check` tells) or be a full http(s) address
        nav:
          - { title: Certifications, url: /certifications/ }
          - { title: Compare, url: /compare/ }
          - { title: FAQ, url: /faq/ }
          - { title: About, url: /about/ }

        """
    }

    var certification: String {
        """
        ---
        # An example certification: replace it with a real one, or delete this file.
        # `certguide new certification "Name"` starts a new one with every field explained.
        title: Example Library Technician Certificate
        abbreviation: ELTC
        issuer: Example Library Association
        summary: An example entry showing every fact a certification can have; replace it with a real credential.
        level: technician                          # support | technician | professional | specialist
        settings: [academic, public]               # academic | public | school | archives | special | any
        topics: [cataloging, reference services]
        cost: { min: 150, max: 200, currency: USD, note: example figures, source: 1 }  # source: the number in `sources` that gives it
        duration_months: { min: 6, max: 12 }
        exam: { format: [written], questions: 100, passing_score_percent: 70, length_minutes: 120 }
        eligibility:
          - One year of work in a library
        renewal: { every_years: 5, by: continuing education }
        verified: \(today)                       # the day the facts were checked against the sources
        sources:                                   # kind: issuer (its own page) | reference | article
          - { title: The issuer's page about the certificate, url: https://example.org/certificate, kind: issuer }
        # cautions:                                # shown where readers see the fact; a line without `fact` goes above the facts
        #   - { fact: cost, text: Only a career article gives this fee; the issuer publishes none. }
        ---
        ## What it is

        A certificate for library staff who catalog, lend and answer questions. Write what the
        issuer says it shows, in your own words.

        ## How to prepare

        Most candidates study for six months. The question
        [how long certification takes](../faq/how-long-does-certification-take.md) links here.

        """
    }

    var question: String {
        """
        ---
        # An example question: replace it, or delete this file.
        question: How long does certification take?
        order: 1                                   # position on the FAQ page (lowest first)
        topics: [planning]
        related: [example-library-technician]      # file names of the certifications it is about
        verified: \(today)
        sources:
          - { title: The issuer's page about the certificate, url: https://example.org/certificate, kind: issuer }
        ---
        Six to twelve months for the [example certificate](../certifications/example-library-technician.md),
        most of it spent studying for the exam.

        """
    }

    var page: String {
        """
        ---
        # An example page, linked from the menu (`nav` in site.yml).
        title: About this guide
        summary: Who publishes this guide and how its facts are checked.
        verified: \(today)
        ---
        This guide is published by a library association for its members. Every entry lists its
        sources and the day its facts were last checked against them.

        """
    }

    /// The workflow of a guide's own repository: check and build with the released binary
    /// (the action), publish to GitHub Pages on main, attach the site to pull requests.
    var workflow: String {
        """
        # Checks the guide and publishes it to GitHub Pages on every push to main; checks every pull
        # request the same way and attaches the built site to the run. Needs *Settings → Pages →
        # Source: GitHub Actions*. The action downloads certguide \(version) and verifies its checksum.
        name: Publish the guide

        on:
          push:
            branches: [main]
          pull_request:
          workflow_dispatch:

        permissions:
          contents: read

        concurrency:
          group: publish-${{ github.ref }}
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v5

              # `certguide check --strict`, then `certguide build` into Public/; each problem is
              # an annotation on its line of the pull request.
              - name: Check and build the guide
                uses: \(Self.actionRepository)@v\(version)

              - name: Upload the site for GitHub Pages
                if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
                uses: actions/upload-pages-artifact@v4
                with:
                  path: Public

              - name: Attach the built site to the pull request run
                if: github.event_name == 'pull_request'
                uses: actions/upload-artifact@v6
                with:
                  name: site
                  path: Public

          deploy:
            if: github.event_name != 'pull_request' && github.ref == 'refs/heads/main'
            needs: build
            runs-on: ubuntu-latest
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - name: Publish to GitHub Pages
                id: deployment
                uses: actions/deploy-pages@v5

        """
    }
}
