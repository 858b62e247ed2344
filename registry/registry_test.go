package registry

import "testing"

// TestLoadRegistry guards the embedded registry: LoadRegistry's doc
// promises it fails only on a corrupt file.
func TestLoadRegistry(t *testing.T) {
	reg, err := LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(reg.Municipalities()); n != 290 {
		t.Errorf("%d municipalities, want 290", n)
	}
	if n := len(reg.Counties()); n != 21 {
		t.Errorf("%d counties, want 21", n)
	}
	if n := len(reg.InCounty("14")); n != 49 {
		t.Errorf("%d municipalities in Västra Götalands län, want 49", n)
	}
	names := map[string]bool{}
	for _, m := range reg.Municipalities() {
		if names[m.Name] {
			t.Errorf("duplicate name %s", m.Name)
		}
		names[m.Name] = true
	}
}

func TestRegistryLookups(t *testing.T) {
	reg, err := LoadRegistry()
	if err != nil {
		t.Fatal(err)
	}
	for code, name := range map[string]string{"0360": "Tierp", "0980": "Gotland", "1440": "Ale", "1489": "Alingsås", "0114": "Upplands Väsby", "2023": "Malung-Sälen"} {
		m, ok := reg.Municipality(code)
		if !ok || m.Name != name {
			t.Errorf("Municipality(%s) = %+v, %v", code, m, ok)
		}
		if m2, ok := reg.MunicipalityByName(" " + name + " "); !ok || m2.Code != code {
			t.Errorf("MunicipalityByName(%q) = %+v, %v", name, m2, ok)
		}
	}
	for _, key := range []string{"14", "Västra Götaland", "västra götalands län", "Västra Götalands"} {
		if c, ok := reg.County(key); !ok || c.Code != "14" {
			t.Errorf("County(%q) = %+v, %v", key, c, ok)
		}
	}
	if c, ok := reg.County("3"); !ok || c.Name != "Uppsala län" {
		t.Errorf("County(3) = %+v, %v", c, ok)
	}
	if _, ok := reg.Municipality("9999"); ok {
		t.Error("Municipality(9999) found")
	}
}

func TestParseRegistryRejectsBadRows(t *testing.T) {
	for _, data := range []string{
		"code,name,county_code,county_name\n",
		"code,name,county_code,county_name\n0360,Tierp,03\n",
		"code,name,county_code,county_name\n0360,Tierp,04,X län\n",
		"code,name,county_code,county_name\n0360,Tierp,03,Uppsala län\n0360,Tierp,03,Uppsala län\n",
	} {
		if _, err := ParseRegistry(data); err == nil {
			t.Errorf("ParseRegistry(%q) succeeded", data)
		}
	}
}
