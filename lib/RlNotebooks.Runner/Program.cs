using RlNotebooks.Runner.Cli;
using RlNotebooks.Runner.Kernel;

if (args is [ChildProtocol.Flag, .. var rest]) return await NotebookProcessMain.RunAsync(rest);
return await RunCommand.InvokeAsync(args);
