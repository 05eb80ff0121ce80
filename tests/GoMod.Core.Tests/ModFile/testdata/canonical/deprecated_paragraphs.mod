// Package m does things.
//
// Deprecated: this module is no longer maintained;
// use example.com/other instead.
//
// More text after the deprecation.
module example.com/m

go 1.18
