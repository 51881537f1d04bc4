//! `chipscan schema` through the real binary: the schema is valid JSON
//! Schema and real `extract` output validates against it.

use assert_cmd::Command;
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn chipscan() -> Command {
    let mut c = Command::cargo_bin("chipscan").unwrap();
    c.current_dir(ROOT);
    c
}

fn json_of(args: &[&str]) -> Value {
    let out = chipscan().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn schema() -> Value {
    json_of(&["schema"])
}

#[test]
fn schema_is_a_valid_json_schema_of_the_envelope() {
    let s = schema();
    assert!(jsonschema::meta::is_valid(&s), "not a valid JSON Schema");
    assert_eq!(s["title"], "Extract");
    let props = s["properties"].as_object().unwrap();
    for key in ["schema_version", "documents", "records"] {
        assert!(props.contains_key(key), "{key}");
    }
}

#[test]
fn real_extract_output_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let output = json_of(&["extract", "corpus"]);
    let errors: Vec<String> = validator
        .iter_errors(&output)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(output["documents"].as_array().unwrap().len(), 5);
}

#[test]
fn the_schema_rejects_what_the_contract_forbids() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let mut output = json_of(&["extract", "corpus"]);
    // A record of an unknown kind, a bad date and an unknown document field.
    output["records"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"kind": "rumour", "doc": "x", "line": 1}));
    assert!(!validator.is_valid(&output));
    let mut output = json_of(&["extract", "corpus"]);
    output["documents"][0]["published"] = Value::from("2023/10");
    assert!(!validator.is_valid(&output));
    let mut output = json_of(&["extract", "corpus"]);
    output["documents"][0]["colour"] = Value::from("red");
    assert!(!validator.is_valid(&output));
}
