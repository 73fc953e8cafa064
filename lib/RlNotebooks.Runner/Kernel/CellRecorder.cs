using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RlNotebooks.Runner.Execution;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace RlNotebooks.Runner.Kernel;

/// <summary>
/// Turns the kernel's events into nbformat outputs in the order they happen: console text merged into stream outputs
/// (at most <see cref="StreamLimitBytes"/> per stream and cell, then a note of what was dropped), displays, the trailing
/// expression's execute_result. A display update replaces the output its id names; when the kernel's update id
/// matches no display (it does not for <c>display(x).Update(y)</c>), it replaces the latest display the recorder
/// created that no update has claimed yet. It reports to the parent as <see cref="ChildProtocol"/> describes: each
/// cell's start and end, updates of cells already sent, and text updates as progress.
/// </summary>
internal sealed class CellRecorder(ChildProtocol protocol)
{
    /// <summary>Most stdout (and stderr) text one cell keeps in the executed copy: 1 MB.</summary>
    public const int StreamLimitBytes = 1 << 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Cell, List<JsonObject> CellOutputs, JsonObject Output)> _displays = [];
    private readonly List<(int Cell, List<JsonObject> CellOutputs, JsonObject Output)> _unclaimed = [];
    private readonly Dictionary<string, (long Kept, long Dropped)> _streamBytes = [];
    private readonly StringBuilder _streamText = new();
    private JsonObject? _stream;
    private List<JsonObject> _outputs = [];
    private int _cell, _executionCount;

    /// <summary>Starts recording cell <paramref name="cellNumber"/>, the next code cell to run.</summary>
    public void Begin(int cellNumber)
    {
        protocol.Send("start", new JsonObject { ["cell"] = cellNumber });
        lock (_gate)
        {
            (_cell, _outputs, _executionCount) = (cellNumber, [], _executionCount + 1);
            _streamBytes.Clear();
        }
    }

    /// <summary>Records one kernel event (ignored before the first <see cref="Begin"/>: the warm-up's).</summary>
    public void Record(KernelEvent e)
    {
        if (_cell == 0) return;
        switch (e)
        {
            case StandardOutputValueProduced o: Stream("stdout", o.FormattedValues); break;
            case StandardErrorValueProduced o: Stream("stderr", o.FormattedValues); break;
            case ReturnValueProduced r: Add(new JsonObject { ["data"] = Bundle(r.FormattedValues), ["execution_count"] = _executionCount, ["metadata"] = new JsonObject(), ["output_type"] = "execute_result" }); break;
            case DisplayedValueUpdated u: Update(u); break;
            case DisplayedValueProduced d: Add(new JsonObject { ["data"] = Bundle(d.FormattedValues), ["metadata"] = new JsonObject(), ["output_type"] = "display_data" }, d.ValueId ?? ""); break;
        }
    }

    /// <summary>Ends the cell and sends its outputs in order (then a note per stream that was cut, then
    /// <paramref name="error"/>) with its <paramref name="failure"/>.</summary>
    public void End(CellFailure? failure, JsonObject? error)
    {
        lock (_gate)
        {
            CloseStream();
            foreach ((string name, (_, long dropped)) in _streamBytes.Where(s => s.Value.Dropped > 0).OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                string note = $"\n[RlNotebooks.Runner: {dropped.ToString("N0", CultureInfo.InvariantCulture)} more bytes of {name} dropped; a cell keeps the first 1 MB of each stream]\n";
                _outputs.Add(new JsonObject { ["name"] = name, ["output_type"] = "stream", ["text"] = note });
            }

            if (error is not null) _outputs.Add(error);
            protocol.Send("cell", new JsonObject { ["cell"] = _cell, ["outputs"] = JsonSerializer.SerializeToNode(_outputs), ["failure"] = JsonSerializer.SerializeToNode(failure) });
        }
    }

    /// <summary>A MIME bundle: JSON MIME types (<c>application/json</c>, <c>…+json</c>) as JSON, others (and a JSON type
    /// whose formatter wrote invalid JSON) as text.</summary>
    private static JsonObject Bundle(IEnumerable<FormattedValue> values)
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
            text = text[..(int)Math.Clamp(StreamLimitBytes - kept, 0, text.Length)]; // whole while within the limit
            long keptBytes = Encoding.UTF8.GetByteCount(text);
            _streamBytes[name] = (kept + keptBytes, dropped + bytes - keptBytes);
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

    /// <summary>Appends an output; a display (<paramref name="displayId"/> not null) can be updated later.</summary>
    private void Add(JsonObject output, string? displayId = null)
    {
        lock (_gate)
        {
            CloseStream();
            _outputs.Add(output);
            if (displayId is null) return;
            if (displayId.Length > 0) _displays[displayId] = (_cell, _outputs, output);
            _unclaimed.Add((_cell, _outputs, output));
        }
    }

    private void Update(DisplayedValueUpdated update)
    {
        JsonObject data = Bundle(update.FormattedValues);
        lock (_gate)
        {
            if (!_displays.TryGetValue(update.ValueId ?? "", out var target))
            {
                if (_unclaimed.Count == 0) return;
                target = _unclaimed[^1];
                _displays[update.ValueId ?? ""] = target;
            }

            _unclaimed.Remove(target);
            target.Output["data"] = data;
            if (target.Cell != _cell)
            {
                int index = target.CellOutputs.IndexOf(target.Output);
                protocol.Send("update", new JsonObject { ["cell"] = target.Cell, ["output"] = index, ["data"] = data.DeepClone() });
            }
        }

        if (update.Value is string text) protocol.Send("progress", new JsonObject { ["text"] = text });
    }
}
