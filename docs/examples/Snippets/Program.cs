// Runs every README snippet and checks what it computed against a plain reference; exit 1 on a mismatch.
var checks = new (string Name, Func<double> Error, double Tolerance)[]
{
    ("neural-operator", Snippets.NeuralOperator, 0),
    ("fft", Snippets.Fft, 1e-12),
    ("kronecker", Snippets.Kronecker, 1e-10),
    ("gpu", Snippets.Gpu, 1e-9),
};
int failed = 0;
foreach (var (name, error, tolerance) in checks)
{
    double e = error();
    bool ok = e <= tolerance;
    failed += ok ? 0 : 1;
    Console.WriteLine($"{(ok ? "ok" : "FAILED")} {name}: error {e:E2} (tolerance {tolerance:E0})");
}
return failed == 0 ? 0 : 1;
