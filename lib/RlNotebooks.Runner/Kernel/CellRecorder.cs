using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace RlNotebooks.Runner.Kernel;

/// <summary>
/// Turns the kernel's events into nbformat outputs in the order they happen: console text merged into stream outputs
/// (at most <see cref="StreamLimitBytes"/> per stream and cell, then a note of what was dropped), displays, the trailing
/// expression's execute_result. A display update replaces the output its id names; when the kernel's update id
/// matches no display (it does not for <c>display(x).Update(y)</c>), it replaces the latest display the recorder
/// created that no update has claimed yet. Updates to cells already sent go out as <c>update</c> messages.
/// </summary>
public sealed class CellRecorder(ChildProtocol protocol)
{
    /// <summary>Most stdout (and stderr) text one cell keeps in the executed copy: 1 MB.</summary>
    public const int StreamLimitBytes = 1 << 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Cell, JsonObject Output)> _displays = [];
    private readonly List<(int Cell, JsonObject Output)> _unclaimed = [];
    private readonly Dictionary<int, List<JsonObject>> _cellOutputs = [];
    private readonly Dictionary<string, (long Kept, long Dropped)> _streamBytes = [];
    private readonly StringBuilder _streamText = new();
    private JsonObject? _stream;
    private List<JsonObject> _outputs = [];
    private int _cell;

    /// <summary>Starts recording cell <paramref name="cellNumber"/>.</summary>
    public void Begin(int cellNumber)
    {
        lock (_gate)
        {
            _cell = cellNumber;
            _outputs = [];
            _cellOutputs[cellNumber] = _outputs;
            _streamBytes.Clear();
        }
    }

    /// <summary>Records one kernel event (ignored before the first <see cref="Begin"/>).</summary>
    public void Record(KernelEvent e)
    {
        if (_cell == 0) return;
        switch (e)
        {
            case StandardOutputValueProduced o: Stream("stdout", o.FormattedValues); break;
            case StandardErrorValueProduced o: Stream("stderr", o.FormattedValues); break;
            case ReturnValueProduced r: Add(new JsonObject { ["data"] = Bundle(r.FormattedValues), ["output_type"] = "execute_result" }, r.ValueId); break;
            case DisplayedValueUpdated u: Update(u); break;
            case DisplayedValueProduced d: Add(new JsonObject { ["data"] = Bundle(d.FormattedValues), ["output_type"] = "display_data" }, d.ValueId); break;
        }
    }

    /// <summary>Ends the cell: its outputs in order, with the execute_result numbered <paramref name="executionCount"/>.</summary>
    public List<JsonObject> End(int executionCount)
    {
        lock (_gate)
        {
            CloseStream();
            foreach ((string name, (long _, long dropped)) in _streamBytes.Where(s => s.Value.Dropped > 0).OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                _outputs.Add(new JsonObject
                {
                    ["name"] = name,
                    ["output_type"] = "stream",
                    ["text"] = $"\n[RlNotebooks.Runner: {dropped.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} more bytes of {name} dropped; a cell keeps the first 1 MB of each stream]\n",
                });
            }

            foreach (JsonObject output in _outputs.Where(o => o["output_type"]!.GetValue<string>() == "execute_result"))
            {
                output["execution_count"] = executionCount;
            }

            return _outputs;
        }
    }

    /// <summary>A MIME bundle: JSON MIME types (<c>application/json</c>, <c>…+json</c>) as JSON, others (and a JSON type
    /// whose formatter wrote invalid JSON) as text.</summary>
    public static JsonObject Bundle(IEnumerable<FormattedValue> values)
    {
        var bundle = new JsonObject();
        foreach (FormattedValue value in values)
        {
            bool json = value.MimeType == "application/json" || value.MimeType.EndsWith("+json", StringComparison.Ordinal);
            bundle[value.MimeType] = json && TryParse(value.Value) is { } node ? node : JsonValue.Create(value.Value);
        }

        return bundle;
    }

    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private void Stream(string name, IEnumerable<FormattedValue> values)
    {
        string text = values.FirstOrDefault(v => v.MimeType == "text/plain")?.Value ?? "";
        lock (_gate)
        {
            (long kept, long dropped) = _streamBytes.GetValueOrDefault(name);
            long bytes = Encoding.UTF8.GetByteCount(text);
            if (kept + bytes > StreamLimitBytes)
            {
                int room = (int)Math.Max(0, StreamLimitBytes - kept);
                text = text[..Math.Min(text.Length, room)];
                dropped += bytes - Encoding.UTF8.GetByteCount(text);
                bytes = Encoding.UTF8.GetByteCount(text);
            }

            _streamBytes[name] = (kept + bytes, dropped);
            if (text.Length == 0) return;
            if (_stream?["name"]?.GetValue<string>() != name)
            {
                CloseStream();
                _stream = new JsonObject { ["name"] = name, ["output_type"] = "stream" };
                _outputs.Add(_stream);
            }

            _streamText.Append(text);
        }
    }

    private void CloseStream()
    {
        if (_stream is not null) _stream["text"] = _streamText.ToString();
        _streamText.Clear();
        _stream = null;
    }

    private void Add(JsonObject output, string? valueId)
    {
        lock (_gate)
        {
            CloseStream();
            _outputs.Add(output);
            if (output["output_type"]!.GetValue<string>() != "display_data") return;
            if (!string.IsNullOrEmpty(valueId)) _displays[valueId] = (_cell, output);
            _unclaimed.Add((_cell, output));
        }
    }

    private void Update(DisplayedValueUpdated update)
    {
        JsonObject data = Bundle(update.FormattedValues);
        lock (_gate)
        {
            if (!_displays.TryGetValue(update.ValueId ?? "", out (int Cell, JsonObject Output) target))
            {
                if (_unclaimed.Count == 0) return;
                target = _unclaimed[^1];
                _displays[update.ValueId ?? ""] = target;
            }

            _unclaimed.Remove(target);
            target.Output["data"] = data;
            if (target.Cell != _cell)
            {
                int index = _cellOutputs[target.Cell].IndexOf(target.Output);
                protocol.Send("update", new JsonObject { ["cell"] = target.Cell, ["output"] = index, ["data"] = data.DeepClone() });
            }
        }

        if (update.Value is string text) protocol.Send("progress", new JsonObject { ["text"] = text });
    }
}
