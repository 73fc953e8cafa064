using System.Globalization;
using RlNotebooks.Deep.Tests.Torch;

namespace RlNotebooks.Deep.Tests;

/// <summary>
/// The test assembly run as a program (the test host does not call this): <c>dotnet RlNotebooks.Deep.Tests.dll
/// scalar-stress temporary|held SECONDS</c> is the child process of <see cref="ScalarLifetimeTests"/>.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => args switch
    {
        [ScalarStress.Command, "temporary" or "held", var seconds] =>
            ScalarStress.Run(args[1] == "temporary", TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture))),
        _ => throw new ArgumentException($"usage: {ScalarStress.Command} temporary|held SECONDS", nameof(args)),
    };
}
