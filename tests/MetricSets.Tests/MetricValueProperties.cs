using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace MetricSets.Tests;

public class MetricValueProperties
{
    private const decimal HalfStep = 0.00005m;

    [Property]
    public Property Converting_there_and_back_loses_at_most_the_two_roundings()
    {
        var cases = Generators.UnitPair.SelectMany(pair => Generators.Amount.Select(amount => (pair.A, pair.B, amount)));

        return Prop.ForAll(cases.ToArbitrary(), ((MetricUnit A, MetricUnit B, decimal Amount) c) =>
        {
            var original = MetricValue.Of(c.Amount, c.A);

            var roundTripped = original.ConvertTo(c.B).ConvertTo(c.A);

            var error = Math.Abs(roundTripped.Amount - original.Amount);
            var bound = (HalfStep * c.B.BaseFactor() / c.A.BaseFactor()) + HalfStep;
            Assert.Equal(c.A, roundTripped.Unit);
            Assert.True(error <= bound, $"{original} → {c.B.Symbol()} → {roundTripped}: error {error} > {bound}");
            if (c.B.BaseFactor() <= c.A.BaseFactor())
            {
                Assert.True(error <= 0.0001m, $"{original} → {c.B.Symbol()} → {roundTripped}: error {error} > 0.0001");
            }
        });
    }

    [Property]
    public Property Converting_to_a_unit_at_least_as_fine_and_back_is_within_one_step()
    {
        var cases = Generators.UnitPair
            .Where(pair => pair.B.BaseFactor() <= pair.A.BaseFactor())
            .SelectMany(pair => Generators.Amount.Select(amount => (pair.A, pair.B, amount)));

        return Prop.ForAll(cases.ToArbitrary(), ((MetricUnit A, MetricUnit B, decimal Amount) c) =>
        {
            var original = MetricValue.Of(c.Amount, c.A);

            var roundTripped = original.ConvertTo(c.B).ConvertTo(c.A);

            return Math.Abs(roundTripped.Amount - original.Amount) <= 0.0001m;
        });
    }

    [Property]
    public Property Converting_never_changes_the_quantity_by_more_than_half_a_step_of_the_target_unit()
    {
        var cases = Generators.UnitPair.SelectMany(pair => Generators.Amount.Select(amount => (pair.A, pair.B, amount)));

        return Prop.ForAll(cases.ToArbitrary(), ((MetricUnit A, MetricUnit B, decimal Amount) c) =>
        {
            var converted = MetricValue.Of(c.Amount, c.A).ConvertTo(c.B);

            var exact = c.Amount * c.A.BaseFactor() / c.B.BaseFactor();
            return converted.Unit == c.B && Math.Abs(converted.Amount - exact) <= HalfStep;
        });
    }

    [Property]
    public Property Quantity_comparer_is_antisymmetric_and_agrees_with_exact_base_amounts()
    {
        var quantity = MetricValue.Comparer.Quantity;
        return Prop.ForAll(ComparablePairs().ToArbitrary(), ((MetricValue Left, MetricValue Right, MetricUnit Target) c) =>
        {
            var leftToRight = Math.Sign(quantity.Compare(c.Left, c.Right));
            var rightToLeft = Math.Sign(quantity.Compare(c.Right, c.Left));
            var exact = Math.Sign((c.Left.Amount * c.Left.Unit.BaseFactor()) - (c.Right.Amount * c.Right.Unit.BaseFactor()));

            Assert.Equal(-rightToLeft, leftToRight);
            Assert.Equal(exact, leftToRight);
            Assert.Equal(leftToRight == 0, quantity.Equals(c.Left, c.Right));
            Assert.Equal(leftToRight == 0, c.Left.IsEquivalentTo(c.Right));
            if (leftToRight == 0)
            {
                Assert.Equal(quantity.GetHashCode(c.Left), quantity.GetHashCode(c.Right));
            }
        });
    }

    [Property]
    public Property Converting_both_values_never_flips_a_strict_order()
    {
        var quantity = MetricValue.Comparer.Quantity;
        return Prop.ForAll(ComparablePairs().ToArbitrary(), ((MetricValue Left, MetricValue Right, MetricUnit Target) c) =>
        {
            var (smaller, larger) = quantity.Compare(c.Left, c.Right) <= 0 ? (c.Left, c.Right) : (c.Right, c.Left);
            var gap = (larger.Amount * larger.Unit.BaseFactor()) - (smaller.Amount * smaller.Unit.BaseFactor());

            var smallerConverted = smaller.ConvertTo(c.Target);
            var largerConverted = larger.ConvertTo(c.Target);

            // Rounding is monotonic, so even values closer than one step keep their order (or become equal).
            Assert.True(quantity.Compare(smallerConverted, largerConverted) <= 0, $"{smaller} ≤ {larger} but {smallerConverted} > {largerConverted}");
            if (gap > 0.0001m)
            {
                Assert.True(smallerConverted.Amount <= largerConverted.Amount);
            }
        });
    }

    [Property]
    public Property Converting_keeps_the_quantity_within_half_a_step_so_the_comparer_sees_the_same_value()
    {
        var quantity = MetricValue.Comparer.Quantity;
        var cases = Generators.UnitPair.SelectMany(pair => Generators.Amount.Select(amount => (pair.A, pair.B, amount)));

        return Prop.ForAll(cases.ToArbitrary(), ((MetricUnit A, MetricUnit B, decimal Amount) c) =>
        {
            var original = MetricValue.Of(c.Amount, c.A);
            var converted = original.ConvertTo(c.B);

            // Exact conversions (no rounding needed) are the same quantity; the others are not, by at most half a step.
            var exact = c.Amount * c.A.BaseFactor() / c.B.BaseFactor();
            Assert.Equal(decimal.Round(exact, 4) == exact, quantity.Equals(original, converted));
            Assert.Equal(quantity.Equals(original, converted), original.IsEquivalentTo(converted));
        });
    }

    [Property]
    public Property Equal_values_have_equal_hash_codes()
    {
        var cases = Generators.Unit.SelectMany(unit => Generators.Amount.Select(amount => (unit, amount)));

        return Prop.ForAll(cases.ToArbitrary(), ((MetricUnit Unit, decimal Amount) c) =>
        {
            var value = MetricValue.Of(c.Amount, c.Unit);
            var rescaled = MetricValue.Of(c.Amount * 1.0000m, c.Unit);

            return value == rescaled && value.GetHashCode() == rescaled.GetHashCode() && value.ToString() == rescaled.ToString();
        });
    }

    // Two values of one dimension in any of its units, and a third unit of that dimension. Half the time the second is
    // the first converted to its unit and nudged by up to two steps, so near-ties are well represented.
    private static Gen<(MetricValue Left, MetricValue Right, MetricUnit Target)> ComparablePairs() =>
        from left in Generators.Unit.SelectMany(Generators.ValueIn)
        from rightUnit in Generators.UnitLike(left.Unit)
        from target in Generators.UnitLike(left.Unit)
        from right in Gen.OneOf(
            Generators.ValueIn(rightUnit),
            Gen.Choose(-2, 2).Select(steps => MetricValue.Of(left.ConvertTo(rightUnit).Amount + (steps * 0.0001m), rightUnit)))
        select (left, right, target);
}
