//! parquet: `agendex extract --format parquet` writes the records `extract`
//! prints as a Parquet file with the CSV columns, typed.

use crate::support::{records, run, stderr};
use arrow_array::{Array, StringArray, UInt32Array};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

#[test]
fn parquet_holds_every_record_in_order_with_the_csv_columns() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("records.parquet");
    let out = run(&[
        "extract",
        "corpus",
        "seeds",
        "--format",
        "parquet",
        "-o",
        &file.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(&file).expect("written");
    assert!(
        bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
        "a Parquet file"
    );

    let want = records(&run(&["extract", "corpus", "seeds"]));
    let reader =
        ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&file).expect("open"))
            .expect("Parquet reads back")
            .build()
            .expect("reader");
    let csv_header = String::from_utf8(run(&["extract", "seeds", "--format", "csv"]).stdout)
        .expect("UTF-8")
        .lines()
        .next()
        .expect("header")
        .to_string();
    let mut i = 0usize;
    for batch in reader {
        let batch = batch.expect("a batch");
        let names: Vec<String> = batch
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(names.join(","), csv_header);
        let text = |name: &str| {
            batch
                .column_by_name(name)
                .expect(name)
                .as_any()
                .downcast_ref::<StringArray>()
                .expect("text")
                .clone()
        };
        let number = |name: &str| {
            batch
                .column_by_name(name)
                .expect(name)
                .as_any()
                .downcast_ref::<UInt32Array>()
                .expect("u32")
                .clone()
        };
        let (id, kind, path, page, label, council, fields, body_text) = (
            text("id"),
            text("kind"),
            text("path"),
            number("page"),
            text("page_label"),
            text("council"),
            text("fields"),
            text("text"),
        );
        for row in 0..batch.num_rows() {
            let r = &want[i];
            assert_eq!(id.value(row), r["id"]);
            assert_eq!(kind.value(row), r["kind"]);
            assert_eq!(path.value(row), r["source"]["path"]);
            assert_eq!(
                u64::from(page.value(row)),
                r["source"]["page"].as_u64().expect("page")
            );
            assert_eq!(body_text.value(row), r["text"]);
            assert_eq!(label.is_null(row), r["source"]["page_label"].is_null());
            assert_eq!(council.is_null(row), r["document"]["council"].is_null());
            let mut own = r.as_object().expect("object").clone();
            for k in ["schema_version", "id", "kind", "text", "source", "document"] {
                own.remove(k);
            }
            let stored: serde_json::Value = serde_json::from_str(fields.value(row)).expect("JSON");
            assert_eq!(stored, serde_json::Value::Object(own));
            i += 1;
        }
    }
    assert_eq!(i, want.len());

    // The same bytes every run, and the same through a pipe.
    let piped = run(&["extract", "corpus", "seeds", "--format", "parquet"]);
    assert_eq!(piped.status.code(), Some(0), "{}", stderr(&piped));
    assert_eq!(piped.stdout, bytes);
}
