using System.Reflection;
using System.Reflection.Emit;
using TorchSharp;

namespace RlNotebooks.Deep.Tests.Torch;

/// <summary>
/// The TorchSharp methods that make a temporary <see cref="Scalar"/> themselves, read from TorchSharp.dll's IL: a method is
/// one if its body converts a number to a Scalar (Scalar's implicit operators, <c>ToScalar</c>, the constructor) or refers
/// to another such TorchSharp method (call, or a lambda it creates). Examples: <c>Tensor.add(Tensor)</c> passes alpha = 1,
/// <c>Tensor.square()</c> is <c>pow(2)</c>, every <c>torch.optim</c> step. Reading the IL rather than keeping a hand list
/// re-audits a TorchSharp upgrade. No TorchSharp 0.107 method disposes the Scalar it makes, so none is exempt.
/// </summary>
internal static class ScalarMakers
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly OpCode[] OneByteOpCodes = new OpCode[256], TwoByteOpCodes = new OpCode[256];

    static ScalarMakers()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            (code.Size == 1 ? OneByteOpCodes : TwoByteOpCodes)[(ushort)code.Value & 0xFF] = code;
        }

        All = Scan(typeof(Scalar).Assembly);
    }

    /// <summary>Every TorchSharp method (generic definitions, accessors and lambdas included) that makes a temporary Scalar.</summary>
    public static IReadOnlySet<MethodBase> All { get; }

    private static HashSet<MethodBase> Scan(Assembly torchSharp)
    {
        var references = new Dictionary<MethodBase, List<MethodBase>>();
        var makers = new HashSet<MethodBase>();
        foreach (var type in torchSharp.GetTypes())
        {
            foreach (MethodBase method in type.GetMethods(Declared).Concat<MethodBase>(type.GetConstructors(Declared)))
            {
                var called = MethodsReferencedBy(method);
                references[method] = called;
                if (called.Any(ConvertsToScalar))
                {
                    makers.Add(method);
                }
            }
        }

        // Whatever refers to a maker is one too (e.g. operator +(Tensor, Tensor) → add(Tensor) → add(Tensor, Scalar 1)).
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var (method, called) in references)
            {
                if (!makers.Contains(method) && called.Any(makers.Contains))
                {
                    grew = makers.Add(method);
                }
            }
        }

        return makers;
    }

    private static bool ConvertsToScalar(MethodBase method) =>
        method.DeclaringType == typeof(Scalar) && method.IsConstructor
        || method is MethodInfo { Name: "op_Implicit" or "ToScalar" } info && info.ReturnType == typeof(Scalar);

    /// <summary>The methods whose token appears in <paramref name="method"/>'s IL (call, callvirt, newobj, ldftn, …).</summary>
    private static List<MethodBase> MethodsReferencedBy(MethodBase method)
    {
        var found = new List<MethodBase>();
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return found;
        }

        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            OpCode code = il[i] == 0xFE ? TwoByteOpCodes[il[i + 1]] : OneByteOpCodes[il[i]];
            i += code.Size;
            if (code.OperandType == OperandType.InlineMethod)
            {
                found.Add(method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArguments, methodArguments)!);
            }

            i += OperandSize(code.OperandType, il, i);
        }

        return found;
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
