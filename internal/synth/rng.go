package synth

import (
	"math"
	"math/rand/v2"
)

// rng draws every random number of a generation from one PCG stream. The distributions are
// written out here (not taken from math/rand) so the same seed gives the same graph whatever
// the Go release.
type rng struct{ src *rand.PCG }

func newRNG(seed, stream uint64) *rng { return &rng{rand.NewPCG(seed, stream)} }

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.src.Uint64()>>11) / (1 << 53) }

// intn returns a number in [0, n).
func (r *rng) intn(n int) int {
	if n <= 1 {
		return 0
	}
	return int(r.src.Uint64() % uint64(n))
}

// chance is true with probability p.
func (r *rng) chance(p float64) bool { return r.float() < p }

// exp draws from the exponential distribution with the given mean.
func (r *rng) exp(mean float64) float64 { return -mean * math.Log(1-r.float()) }

// normal draws from the standard normal distribution (Box–Muller).
func (r *rng) normal() float64 {
	u1, u2 := 1-r.float(), r.float()
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}

// lognormal draws a value whose logarithm is normal around log(median).
func (r *rng) lognormal(median, sigma float64) float64 {
	return median * math.Exp(sigma*r.normal())
}

// pareto draws from a Pareto distribution with minimum 1 and tail index alpha: the share of
// values above x falls as x^-alpha.
func (r *rng) pareto(alpha float64) float64 { return math.Pow(1-r.float(), -1/alpha) }

// pick returns one of the items.
func pick[T any](r *rng, items []T) T { return items[r.intn(len(items))] }

// weighted draws indexes with probability proportional to their weights.
type weighted struct{ cum []float64 }

func newWeighted(w []float64) *weighted {
	cum := make([]float64, len(w))
	s := 0.0
	for i, x := range w {
		s += x
		cum[i] = s
	}
	return &weighted{cum}
}

func (w *weighted) draw(r *rng) int {
	x := r.float() * w.cum[len(w.cum)-1]
	lo, hi := 0, len(w.cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if w.cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// distinct draws k different indexes (fewer if the draws keep repeating, which only happens
// when k is close to the number of indexes).
func (w *weighted) distinct(r *rng, k int) []int {
	out := make([]int, 0, k)
	for tries := 0; len(out) < k && tries < 20*k; tries++ {
		i := w.draw(r)
		dup := false
		for _, j := range out {
			if i == j {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, i)
		}
	}
	return out
}
