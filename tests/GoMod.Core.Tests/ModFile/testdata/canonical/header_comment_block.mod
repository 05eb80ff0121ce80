// Copyright 2022 Example Authors.
// Use of this source code is governed by a license.

// The service module.
module example.com/service

go 1.19
