using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using IntegrationHub.V1;

namespace IntegrationHub.Tests.Infrastructure;

/// <summary>The hub as its own operating-system process, so that a test can kill it outright.</summary>
public sealed class HubProcess : IDisposable
{
    private readonly Process _process;

    private HubProcess(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    /// <summary>An agency system (the Justice department) calling this process.</summary>
    public DossierService.DossierServiceClient Justice => new(Invoker(TestAgencies.JusticeKey));

    public CallInvoker Invoker(string key) =>
        GrpcChannel.ForAddress(Address).Intercept(m =>
        {
            m.Add("x-api-key", key);
            return m;
        });

    /// <summary>A deadline for one call: a process that stops answering fails the test instead of holding the run.</summary>
    public static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);

    /// <summary>A dossier submitted through <paramref name="submit"/>, its first <paramref name="steps"/> steps recorded through <paramref name="record"/>.</summary>
    public static async Task<string> SubmitWithStepsAsync(DossierService.DossierServiceClient submit, DossierService.DossierServiceClient record, int steps)
    {
        var code = (await submit.SubmitDossierAsync(Samples.Submission(), deadline: Deadline())).DossierCode;
        for (var s = 0; s < steps; s++)
        {
            await record.RecordProgressAsync(Samples.Step(code, Samples.FiveSteps[s], s + 1), deadline: Deadline());
        }
        return code;
    }

    public static async Task<HubProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "IntegrationHub.Hub.dll"))
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        start.Environment["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{port}";
        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Test";
        var process = Process.Start(start)!;
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Application started") == true)
            {
                ready.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(30))) != ready.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The hub process did not start within 30 s.");
        }
        return new HubProcess(process, $"http://127.0.0.1:{port}");
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would: no graceful shutdown.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The hub process did not end within 30 s of being killed.");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }
}
