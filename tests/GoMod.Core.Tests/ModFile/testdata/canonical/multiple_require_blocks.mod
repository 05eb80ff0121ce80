module example.com/big

go 1.19

// Production dependencies.
require (
	cloud.google.com/go v0.102.0
	github.com/prometheus/client_golang v1.12.2
)

// Test-only dependencies.
require (
	github.com/stretchr/testify v1.8.0
	gotest.tools/v3 v3.3.0
)

require (
	github.com/beorn7/perks v1.0.1 // indirect
	github.com/davecgh/go-spew v1.1.1 // indirect
)
