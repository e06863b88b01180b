package kg

import (
	"regexp"
	"strings"
	"time"
)

var (
	slugRE   = regexp.MustCompile(`^` + IDPattern + `$`)
	sourceRE = regexp.MustCompile(`^` + SourcePattern + `$`)
)

// ValidID reports whether id is a slug (IDPattern) of at most MaxIDLength characters.
func ValidID(id string) bool { return len(id) <= MaxIDLength && slugRE.MatchString(id) }

// ValidSource reports whether s is a source reference a mutation may record: it matches
// SourcePattern (what `validate` checks), its source id is a slug, and it has at most
// MaxSourceLength characters.
func ValidSource(s string) bool {
	id, _, _ := strings.Cut(s, "#")
	return len(s) <= MaxSourceLength && sourceRE.MatchString(s) && ValidID(id)
}

// MaxMoney is the largest amount, investment or budget the graph takes (a thousand
// trillion): far above any real one, and small enough that sums of many stay finite (two
// amounts near the float maximum summed to infinity and broke every reader's totals).
const MaxMoney = 1e15

// MoneyProperties are the properties that hold amounts of money: on nodes (projects,
// programmes) and on FUNDS relationships.
var MoneyProperties = []string{"totalInvestment", "budget", "amount"}

// iso4217 lists the active ISO 4217 currency codes.
var iso4217 = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL
		BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS
		GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK
		LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN
		PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT
		TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG`) {
		iso4217[c] = true
	}
}

// ValidCurrency reports whether c is an active ISO 4217 code.
func ValidCurrency(c string) bool { return iso4217[c] }

// ValidDate reports whether s is an ISO 8601 calendar date, YYYY-MM-DD.
func ValidDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// Invalid returns an EINVALID error that names the input field at fault.
func Invalid(field, format string, args ...any) *Error {
	e := Errorf(EINVALID, format, args...)
	e.Field = field
	e.Message = field + ": " + e.Message
	return e
}
