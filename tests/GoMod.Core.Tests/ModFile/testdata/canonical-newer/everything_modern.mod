// Deprecated: use example.com/modern/v2.
module example.com/modern

go 1.25.0

toolchain go1.25.1

godebug (
	default=go1.21
	tlsrsakex=1
)

require (
	github.com/google/uuid v1.6.0
	golang.org/x/tools v0.26.0
)

require golang.org/x/mod v0.21.0 // indirect

exclude github.com/google/uuid v1.5.0

replace golang.org/x/tools => ../tools

retract [v1.0.0, v1.0.3] // Accidental releases.

tool golang.org/x/tools/cmd/goimports

ignore ./web/node_modules
