namespace RlNotebooks.Tests.Support;

/// <summary>The bad-input assertion every family's tests make: the call throws an ArgumentException naming the parameter.</summary>
public static class BadInput
{
    /// <summary>Asserts that <paramref name="call"/> throws an <see cref="ArgumentException"/> (or subclass) whose ParamName is
    /// <paramref name="paramName"/> and whose message contains <paramref name="messagePart"/> (the index, value or reason).</summary>
    public static void Fails(Action call, string paramName, string messagePart)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(paramName, ex.ParamName);
        Assert.Contains(messagePart, ex.Message);
    }
}
