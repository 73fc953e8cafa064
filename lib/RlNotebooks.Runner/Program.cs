using RlNotebooks.Runner.Cli;

return await RunCommand.Create().Parse(args).InvokeAsync();
