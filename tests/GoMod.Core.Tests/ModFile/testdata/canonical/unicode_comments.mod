// Módulo de ejemplo — 例子 — пример 🚀
module example.com/unicode

go 1.19

require example.com/a v1.0.0 // ✓ vérifié
