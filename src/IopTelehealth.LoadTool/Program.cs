using IopTelehealth.LoadTool;
using IopTelehealth.LoadTool.Baseline;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    await Console.Error.WriteLineAsync(e.Message);
    await Console.Error.WriteLineAsync(LoadOptions.Usage);
    return 2;
}

if (options.BaselineServerMode)
{
    return await BaselineServer.RunAsync(options.Port);
}

await LoadRunner.RunAsync(options, Console.Out);
return 0;
