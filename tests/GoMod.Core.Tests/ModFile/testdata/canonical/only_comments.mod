// This file is intentionally almost empty.
// It has two comment lines.
