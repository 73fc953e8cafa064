using System.Text;

namespace RlNotebooks.Runner.Display;

/// <summary>Routes <see cref="Console.Out"/> and <see cref="Console.Error"/> to the executing cell's collector
/// (see <see cref="DisplayScope"/>); writes outside a cell go to the original console.</summary>
public static class ConsoleRouter
{
    private static readonly Lock Gate = new();
    private static TextWriter? _originalOut;

    /// <summary>The console's stdout before routing was installed.</summary>
    public static TextWriter OriginalOut => _originalOut ?? Console.Out;

    /// <summary>Installs the routing writers once per process; idempotent and thread-safe.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_originalOut is not null) return;
            _originalOut = Console.Out;
            Console.SetOut(new RoutingWriter("stdout", Console.Out));
            Console.SetError(new RoutingWriter("stderr", Console.Error));
        }
    }

    private sealed class RoutingWriter(string stream, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;

        public override void Write(char value) => Write([value]);

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (DisplayScope.Current is { } cell) cell.WriteStream(stream, buffer);
            else fallback.Write(buffer);
        }

        public override void WriteLine(string? value)
        {
            Write(value.AsSpan());
            Write(CoreNewLine.AsSpan());
        }

        public override void Flush()
        {
            if (DisplayScope.Current is null) fallback.Flush();
        }
    }
}
