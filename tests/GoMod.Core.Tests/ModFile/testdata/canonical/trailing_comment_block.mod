module example.com/m

go 1.19

// TODO: drop this module.
// It is only here for history.
