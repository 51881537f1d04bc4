//! Every name in the chip catalog survives normalization: written in either
//! script, after Traditional→Simplified conversion with the catalog's
//! protected phrases, the extractor still finds that chip in it.

use chipscan::catalog::Catalog;
use chipscan::extract::chips::{ChipMatcher, ChipRef};
use chipscan::load::script::{Backend, Converter};

#[test]
fn every_catalog_name_is_found_after_conversion() {
    let catalog = Catalog::embedded();
    let converter = Converter::new(Backend::default_t2s().unwrap(), &catalog.protect_pairs()).unwrap();
    let matcher = ChipMatcher::new(&catalog);
    let mut lost = Vec::new();
    for (i, chip) in catalog.chips.iter().enumerate() {
        for name in Catalog::names_of(chip) {
            // In a sentence with chip context, as bare names need.
            let text = converter.convert_all(&format!("英伟达显卡{name}芯片的售价"));
            let found = matcher.find(&text).into_iter().any(|m| m.chip == ChipRef::Known(i));
            if !found {
                lost.push(format!("{} ({name}) → {text}", chip.id));
            }
        }
    }
    assert!(lost.is_empty(), "names the extractor no longer finds:\n{}", lost.join("\n"));
}

#[test]
fn traditional_forms_of_chinese_names_are_found() {
    let catalog = Catalog::embedded();
    let converter = Converter::new(Backend::default_t2s().unwrap(), &catalog.protect_pairs()).unwrap();
    let matcher = ChipMatcher::new(&catalog);
    for (traditional, id) in
        [("華為昇騰910B", "Ascend 910B"), ("百度崑崙芯片", "Kunlun"), ("寒武紀思元590", "MLU590"), ("海光深算一號", "深算一号"), ("壁仞壁礪100", "BR100")]
    {
        let text = converter.convert_all(traditional);
        let ids: Vec<&str> = matcher
            .find(&text)
            .into_iter()
            .filter_map(|m| match m.chip {
                ChipRef::Known(i) => Some(catalog.chips[i].id.as_str()),
                ChipRef::Unknown(_) => None,
            })
            .collect();
        assert_eq!(ids, vec![id], "{traditional} → {text}");
    }
}
