using System.Globalization;
using SemRestore.Imaging.Specs;
using SemRestore.Tensors.Nn;
using SemRestore.Tensors.Optim;

namespace SemRestore.Training;

/// <summary>Optimisers and learning-rate schedules from config specs.</summary>
public static class OptimizerFactory
{
    /// <summary>
    /// <c>adam:lr=1e-3,beta1=0.9,beta2=0.999,eps=1e-8,weight_decay=0</c> or <c>adamw:...</c> (weight_decay default 0.01)
    /// or <c>sgd:lr=..,momentum=..,weight_decay=..</c>. Returns the optimiser and its base learning rate.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown optimiser or option, or a value out of range.</exception>
    public static (Optimizer Optimizer, double BaseLearningRate) Create(string spec, IEnumerable<Parameter> parameters)
    {
        var named = NamedSpec.Parse(spec);
        var name = named.Name.ToLowerInvariant();
        var lr = named.GetDouble("lr", 1e-3, 0, 10);
        Optimizer optimizer = name switch
        {
            "adam" or "adamw" => CreateAdam(named, parameters, lr, name == "adamw"),
            "sgd" => new Sgd(parameters, lr, named.GetDouble("momentum", 0, 0, 1), 0, named.GetDouble("weight_decay", 0, 0, 1)),
            _ => throw new ArgumentException($"Unknown optimizer '{named.Name}'; known: adam, adamw, sgd.", nameof(spec)),
        };
        named.EnsureOnly();
        return (optimizer, lr);
    }

    /// <summary>
    /// <c>constant</c>, <c>step:every=N,gamma=0.5</c>, <c>multistep:milestones=N1/N2/...,gamma=0.5</c>,
    /// <c>cosine:min=0</c> (to min * lr at the last step); any of them with <c>warmup=N</c> (linear from 0).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown schedule or option.</exception>
    public static LearningRateSchedule CreateSchedule(string spec, long totalSteps)
    {
        var named = NamedSpec.Parse(spec);
        LearningRateSchedule schedule = named.Name.ToLowerInvariant() switch
        {
            "constant" => new ConstantSchedule(),
            "step" => new StepSchedule(named.GetInt("every", 1000, 1), named.GetDouble("gamma", 0.5, 0, 1)),
            "multistep" => new MultiStepSchedule(ParseMilestones(named), named.GetDouble("gamma", 0.5, 0, 1)),
            "cosine" => new CosineSchedule(totalSteps, named.GetDouble("min", 0, 0, 1)),
            _ => throw new ArgumentException($"Unknown schedule '{named.Name}'; known: constant, step, multistep, cosine.", nameof(spec)),
        };
        var warmup = named.GetInt("warmup", 0, 0);
        named.EnsureOnly();
        return warmup > 0 ? new WarmupSchedule(warmup, schedule) : schedule;
    }

    private static Adam CreateAdam(NamedSpec spec, IEnumerable<Parameter> parameters, double lr, bool decoupled)
    {
        var beta1 = spec.GetDouble("beta1", 0.9, 0, 0.999999);
        var beta2 = spec.GetDouble("beta2", 0.999, 0, 0.999999);
        var eps = spec.GetDouble("eps", 1e-8, 0, 1);
        var decay = spec.GetDouble("weight_decay", decoupled ? 0.01 : 0, 0, 1);
        return decoupled ? new AdamW(parameters, lr, beta1, beta2, eps, decay) : new Adam(parameters, lr, beta1, beta2, eps, decay);
    }

    private static List<long> ParseMilestones(NamedSpec spec)
    {
        var text = spec.GetString("milestones", "");
        var milestones = new List<long>();
        foreach (var part in text.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                throw new ArgumentException($"multistep: milestone '{part}' must be a positive step number (write milestones=1000/2000).", "milestones");
            }

            milestones.Add(value);
        }

        if (milestones.Count == 0)
        {
            throw new ArgumentException("multistep: give milestones=N1/N2/... .", "milestones");
        }

        return milestones;
    }
}
