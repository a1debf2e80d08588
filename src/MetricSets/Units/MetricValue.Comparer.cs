namespace MetricSets;

public readonly partial struct MetricValue
{
    /// <summary>
    /// Compares and equates <see cref="MetricValue"/>s by a rule named at the call site, such as
    /// <see cref="Quantity"/>: <c>values.Order(MetricValue.Comparer.Quantity)</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// <see cref="MetricValue"/> has no natural ordering (see its remarks), so a sort says which one it means. Each comparer
    /// is both an <see cref="IComparer{T}"/> and an <see cref="IEqualityComparer{T}"/> that agree with each other, so a
    /// <see cref="SortedSet{T}"/> and <see cref="Enumerable.Distinct{TSource}(IEnumerable{TSource}, IEqualityComparer{TSource})"/>
    /// given the same comparer keep the same values.
    /// </para>
    /// <para>Use the static properties to obtain instances; this type cannot be derived from outside the library.</para>
    /// </remarks>
    /// <threadsafety>Every instance is immutable and thread-safe.</threadsafety>
    public abstract class Comparer : IComparer<MetricValue>, IEqualityComparer<MetricValue>
    {
        private protected Comparer()
        {
        }

        /// <summary>
        /// Gets the comparer by quantity: values of one dimension are ordered and equated by their exact amount of the
        /// dimension's base unit, whatever units they are in.
        /// </summary>
        /// <remarks>
        /// <para>
        /// 225 lb is greater than 100 kg (225 × 0.45359237 = 102.058… kg), and 1 km is equal to 1,000 m and to 1,000.0 m.
        /// The amounts are converted exactly (no rounding), so 1.0001 km equals 1,000.1 m but not 1,000.1001 m.
        /// </para>
        /// <para>
        /// <see cref="Compare"/> throws <see cref="IncompatibleUnitsException"/> for values of different dimensions: there
        /// is no meaningful answer to "is 5 kg more than 5 m". <see cref="Equals(MetricValue, MetricValue)"/> answers
        /// <see langword="false"/> for them instead, as an equality comparer must not throw.
        /// </para>
        /// <para>This property returns the same instance every time.</para>
        /// </remarks>
        public static Comparer Quantity => QuantityComparer.Instance;

        /// <summary>Compares <paramref name="x"/> with <paramref name="y"/> by this comparer's rule.</summary>
        /// <param name="x">The first value.</param>
        /// <param name="y">The second value.</param>
        /// <returns>Less than zero, zero or greater than zero, as <paramref name="x"/> is less than, equal to or greater than <paramref name="y"/>.</returns>
        /// <exception cref="IncompatibleUnitsException">The values cannot be compared by this rule (for <see cref="Quantity"/>: they measure different dimensions).</exception>
        public abstract int Compare(MetricValue x, MetricValue y);

        /// <summary>Determines whether <paramref name="x"/> and <paramref name="y"/> are equal by this comparer's rule.</summary>
        /// <param name="x">The first value.</param>
        /// <param name="y">The second value.</param>
        /// <returns><see langword="true"/> when they are equal; <see langword="false"/> otherwise, including when they cannot be compared.</returns>
        public abstract bool Equals(MetricValue x, MetricValue y);

        /// <summary>Returns a hash code for <paramref name="obj"/> consistent with <see cref="Equals(MetricValue, MetricValue)"/>.</summary>
        /// <param name="obj">The value.</param>
        /// <returns>The hash code.</returns>
        public abstract int GetHashCode(MetricValue obj);
    }

    private sealed class QuantityComparer : Comparer
    {
        private QuantityComparer()
        {
        }

        internal static QuantityComparer Instance { get; } = new();

        public override int Compare(MetricValue x, MetricValue y) =>
            x.Unit.IsConvertibleTo(y.Unit)
                ? x.BaseAmount.CompareTo(y.BaseAmount)
                : throw new IncompatibleUnitsException(x.Unit, y.Unit, nameof(y));

        public override bool Equals(MetricValue x, MetricValue y) => x.Dimension == y.Dimension && x.BaseAmount == y.BaseAmount;

        // decimal's hash code ignores trailing zeros, as its equality does: 1000 m and 1 km hash their base amounts
        // 1000 and 1000.000 alike.
        public override int GetHashCode(MetricValue obj) => HashCode.Combine(obj.Dimension, obj.BaseAmount);
    }
}
