module example.com/m

go 1.24.0

tool golang.org/x/tools/cmd/stringer

tool (
	github.com/golangci/golangci-lint/cmd/golangci-lint
	golang.org/x/vuln/cmd/govulncheck
)

require (
	github.com/golangci/golangci-lint v1.61.0
	golang.org/x/tools v0.26.0
	golang.org/x/vuln v1.1.3
)
