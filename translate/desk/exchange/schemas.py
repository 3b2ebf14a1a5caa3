"""RELAX NG schemas for what songngu writes, from the normative parts of the specifications.

* XLIFF 2.1 core (OASIS, 2018), sections 4.2 (elements) and 4.3 (attributes):
  ``xliff``/``file``/``unit``/``notes``/``originalData``/``segment``/``source``/``target``
  and the inline elements ``pc``/``ph``/``sc``/``ec``/``cp``/``mrk``; foreign-namespace
  attributes where the spec allows them (file, unit).
* XLIFF 1.2 (OASIS, 2008): ``file``/``body``/``trans-unit``/``source``/``target``/``note``,
  inline ``g``/``x``/``bx``/``ex``/``bpt``/``ept``/``ph``/``it``/``mrk``.
* TMX 1.4b (LISA): ``header`` with its required attributes, ``tu``/``tuv``/``seg``/``prop``,
  inline ``bpt``/``ept``/``ph``/``it``/``hi``, dates as ``YYYYMMDDThhmmssZ``.

Kept as strings (not files) so they ship with the module; validated with lxml.
"""

from __future__ import annotations

from functools import cache

from lxml import etree

_FOREIGN = """<zeroOrMore><attribute><anyName><except><nsName ns=""/><nsName ns="{ns}"/>
  <nsName ns="http://www.w3.org/XML/1998/namespace"/></except></anyName></attribute></zeroOrMore>"""

XLIFF_21 = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:oasis:names:tc:xliff:document:2.0"
  datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
 <start><element name="xliff">
  <attribute name="version"><choice><value>2.0</value><value>2.1</value></choice></attribute>
  <attribute name="srcLang"><data type="language"/></attribute>
  <optional><attribute name="trgLang"><data type="language"/></attribute></optional>
  <optional><attribute name="xml:space" ns="http://www.w3.org/XML/1998/namespace"/></optional>
  FOREIGN
  <oneOrMore><ref name="file"/></oneOrMore>
 </element></start>
 <define name="yesno"><choice><value>yes</value><value>no</value></choice></define>
 <define name="file"><element name="file">
  <attribute name="id"><data type="NMTOKEN"/></attribute>
  <optional><attribute name="original"/></optional>
  <optional><attribute name="canResegment"><ref name="yesno"/></attribute></optional>
  <optional><attribute name="translate"><ref name="yesno"/></attribute></optional>
  FOREIGN
  <optional><ref name="notes"/></optional>
  <oneOrMore><choice><ref name="unit"/><ref name="group"/></choice></oneOrMore>
 </element></define>
 <define name="group"><element name="group">
  <attribute name="id"><data type="NMTOKEN"/></attribute>
  <optional><attribute name="name"/></optional>
  FOREIGN
  <optional><ref name="notes"/></optional>
  <zeroOrMore><choice><ref name="unit"/><ref name="group"/></choice></zeroOrMore>
 </element></define>
 <define name="unit"><element name="unit">
  <attribute name="id"><data type="NMTOKEN"/></attribute>
  <optional><attribute name="name"/></optional>
  <optional><attribute name="translate"><ref name="yesno"/></attribute></optional>
  FOREIGN
  <optional><ref name="notes"/></optional>
  <optional><element name="originalData"><oneOrMore><element name="data">
   <attribute name="id"><data type="NMTOKEN"/></attribute>
   <optional><attribute name="dir"><choice><value>ltr</value><value>rtl</value><value>auto</value></choice></attribute></optional>
   <zeroOrMore><choice><text/><ref name="cp"/></choice></zeroOrMore>
  </element></oneOrMore></element></optional>
  <oneOrMore><choice><ref name="segment"/><element name="ignorable">
   <optional><attribute name="id"><data type="NMTOKEN"/></attribute></optional>
   <ref name="source"/><optional><ref name="target"/></optional></element></choice></oneOrMore>
 </element></define>
 <define name="notes"><element name="notes"><oneOrMore><element name="note">
  <optional><attribute name="id"><data type="NMTOKEN"/></attribute></optional>
  <optional><attribute name="appliesTo"><choice><value>source</value><value>target</value></choice></attribute></optional>
  <optional><attribute name="category"/></optional>
  <optional><attribute name="priority"><data type="integer"><param name="minInclusive">1</param>
   <param name="maxInclusive">10</param></data></attribute></optional>
  <text/>
 </element></oneOrMore></element></define>
 <define name="segment"><element name="segment">
  <optional><attribute name="id"><data type="NMTOKEN"/></attribute></optional>
  <optional><attribute name="canResegment"><ref name="yesno"/></attribute></optional>
  <optional><attribute name="state"><choice><value>initial</value><value>translated</value>
   <value>reviewed</value><value>final</value></choice></attribute>
   <optional><attribute name="subState"><data type="string"><param name="pattern">[^\\s:]+:.+</param></data></attribute></optional>
  </optional>
  <ref name="source"/><optional><ref name="target"/></optional>
 </element></define>
 <define name="source"><element name="source">
  <optional><attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"/></optional>
  <optional><attribute name="xml:space" ns="http://www.w3.org/XML/1998/namespace"/></optional>
  <ref name="inline"/></element></define>
 <define name="target"><element name="target">
  <optional><attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"/></optional>
  <optional><attribute name="xml:space" ns="http://www.w3.org/XML/1998/namespace"/></optional>
  <optional><attribute name="order"><data type="positiveInteger"/></attribute></optional>
  <ref name="inline"/></element></define>
 <define name="cp"><element name="cp"><attribute name="hex"><data type="hexBinary"/></attribute></element></define>
 <define name="codeattrs">
  <attribute name="id"><data type="NMTOKEN"/></attribute>
  <optional><attribute name="canCopy"><ref name="yesno"/></attribute></optional>
  <optional><attribute name="canDelete"><ref name="yesno"/></attribute></optional>
  <optional><attribute name="canReorder"><choice><value>yes</value><value>firstNo</value><value>no</value></choice></attribute></optional>
  <optional><attribute name="copyOf"><data type="NMTOKEN"/></attribute></optional>
  <optional><attribute name="disp"/></optional><optional><attribute name="equiv"/></optional>
  <optional><attribute name="subFlows"/></optional>
  <optional><attribute name="type"><choice><value>fmt</value><value>ui</value><value>quote</value>
   <value>link</value><value>image</value><value>other</value></choice></attribute></optional>
  <optional><attribute name="subType"/></optional>
 </define>
 <define name="inline"><zeroOrMore><choice><text/><ref name="cp"/>
  <element name="ph"><ref name="codeattrs"/><optional><attribute name="dataRef"><data type="NMTOKEN"/></attribute></optional></element>
  <element name="pc"><ref name="codeattrs"/>
   <optional><attribute name="dataRefStart"><data type="NMTOKEN"/></attribute></optional>
   <optional><attribute name="dataRefEnd"><data type="NMTOKEN"/></attribute></optional>
   <optional><attribute name="dispEnd"/></optional><optional><attribute name="equivEnd"/></optional>
   <optional><attribute name="subFlowsEnd"/></optional>
   <ref name="inline"/></element>
  <element name="sc"><ref name="codeattrs"/><optional><attribute name="dataRef"><data type="NMTOKEN"/></attribute></optional>
   <optional><attribute name="isolated"><ref name="yesno"/></attribute></optional></element>
  <element name="ec"><optional><attribute name="id"><data type="NMTOKEN"/></attribute></optional>
   <optional><attribute name="startRef"><data type="NMTOKEN"/></attribute></optional>
   <optional><attribute name="dataRef"><data type="NMTOKEN"/></attribute></optional>
   <optional><attribute name="isolated"><ref name="yesno"/></attribute></optional></element>
  <element name="mrk"><attribute name="id"><data type="NMTOKEN"/></attribute>
   <optional><attribute name="translate"><ref name="yesno"/></attribute></optional>
   <optional><attribute name="type"/></optional><optional><attribute name="ref"/></optional>
   <optional><attribute name="value"/></optional><ref name="inline"/></element>
 </choice></zeroOrMore></define>
</grammar>""".replace("FOREIGN", _FOREIGN.format(ns="urn:oasis:names:tc:xliff:document:2.0"))

XLIFF_12 = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:oasis:names:tc:xliff:document:1.2"
  datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
 <start><element name="xliff">
  <attribute name="version"><value>1.2</value></attribute>
  <optional><attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"/></optional>
  FOREIGN
  <oneOrMore><element name="file">
   <attribute name="original"/>
   <attribute name="source-language"><data type="language"/></attribute>
   <optional><attribute name="target-language"><data type="language"/></attribute></optional>
   <attribute name="datatype"/>
   <optional><attribute name="date"><data type="dateTime"/></attribute></optional>
   <optional><attribute name="tool-id"/></optional><optional><attribute name="product-name"/></optional>
   FOREIGN
   <optional><element name="header"><zeroOrMore><ref name="any"/></zeroOrMore></element></optional>
   <element name="body"><zeroOrMore><choice><ref name="trans-unit"/><ref name="group"/></choice></zeroOrMore></element>
  </element></oneOrMore>
 </element></start>
 <define name="any"><element><anyName/><zeroOrMore><choice><attribute><anyName/></attribute><text/>
  <ref name="any"/></choice></zeroOrMore></element></define>
 <define name="group"><element name="group"><optional><attribute name="id"/></optional>
  <optional><attribute name="resname"/></optional>FOREIGN
  <zeroOrMore><choice><ref name="trans-unit"/><ref name="group"/><ref name="note"/></choice></zeroOrMore></element></define>
 <define name="trans-unit"><element name="trans-unit">
  <attribute name="id"/>
  <optional><attribute name="resname"/></optional>
  <optional><attribute name="approved"><choice><value>yes</value><value>no</value></choice></attribute></optional>
  <optional><attribute name="translate"><choice><value>yes</value><value>no</value></choice></attribute></optional>
  FOREIGN
  <element name="source"><optional><attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"/></optional>
   <ref name="inline"/></element>
  <optional><element name="target">
   <optional><attribute name="state"><choice><value>new</value><value>needs-translation</value>
    <value>needs-adaptation</value><value>needs-l10n</value><value>needs-review-translation</value>
    <value>needs-review-adaptation</value><value>needs-review-l10n</value><value>translated</value>
    <value>signed-off</value><value>final</value><data type="string"><param name="pattern">x-.+</param></data>
   </choice></attribute></optional>
   <optional><attribute name="state-qualifier"/></optional>
   <optional><attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"/></optional>
   <ref name="inline"/></element></optional>
  <zeroOrMore><choice><ref name="note"/><element name="alt-trans"><zeroOrMore><choice><attribute><anyName/></attribute>
   <text/><ref name="any"/></choice></zeroOrMore></element></choice></zeroOrMore>
 </element></define>
 <define name="note"><element name="note">
  <optional><attribute name="from"/></optional>
  <optional><attribute name="annotates"><choice><value>source</value><value>target</value><value>general</value></choice></attribute></optional>
  <optional><attribute name="priority"><data type="integer"><param name="minInclusive">1</param>
   <param name="maxInclusive">10</param></data></attribute></optional>
  <optional><attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"/></optional>
  <text/></element></define>
 <define name="code"><attribute name="id"/><optional><attribute name="rid"/></optional>
  <optional><attribute name="ctype"/></optional><optional><attribute name="crc"/></optional>
  <optional><attribute name="equiv-text"/></optional>
  <zeroOrMore><choice><text/><element name="sub"><ref name="inline"/></element></choice></zeroOrMore></define>
 <define name="inline"><zeroOrMore><choice><text/>
  <element name="bpt"><ref name="code"/></element>
  <element name="ept"><ref name="code"/></element>
  <element name="ph"><ref name="code"/></element>
  <element name="it"><ref name="code"/><attribute name="pos"><choice><value>open</value><value>close</value></choice></attribute></element>
  <element name="g"><attribute name="id"/><optional><attribute name="ctype"/></optional>
   <optional><attribute name="equiv-text"/></optional>FOREIGN<ref name="inline"/></element>
  <element name="x"><attribute name="id"/><optional><attribute name="ctype"/></optional>
   <optional><attribute name="equiv-text"/></optional>FOREIGN</element>
  <element name="bx"><attribute name="id"/><optional><attribute name="rid"/></optional>
   <optional><attribute name="ctype"/></optional>FOREIGN</element>
  <element name="ex"><attribute name="id"/><optional><attribute name="rid"/></optional>FOREIGN</element>
  <element name="mrk"><attribute name="mtype"/><optional><attribute name="mid"/></optional>
   <optional><attribute name="comment"/></optional><ref name="inline"/></element>
 </choice></zeroOrMore></define>
</grammar>""".replace("FOREIGN", _FOREIGN.format(ns="urn:oasis:names:tc:xliff:document:1.2"))

TMX_14B = """<grammar xmlns="http://relaxng.org/ns/structure/1.0"
  datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
 <start><element name="tmx">
  <attribute name="version"><value>1.4</value></attribute>
  <element name="header">
   <attribute name="creationtool"/><attribute name="creationtoolversion"/>
   <attribute name="segtype"><ref name="segtype"/></attribute>
   <attribute name="o-tmf"/><attribute name="adminlang"/><attribute name="srclang"/><attribute name="datatype"/>
   <optional><attribute name="o-encoding"/></optional>
   <ref name="dates"/>
   <zeroOrMore><choice><ref name="note"/><ref name="prop"/></choice></zeroOrMore>
  </element>
  <element name="body"><zeroOrMore><ref name="tu"/></zeroOrMore></element>
 </element></start>
 <define name="segtype"><choice><value>block</value><value>paragraph</value><value>sentence</value>
  <value>phrase</value></choice></define>
 <define name="date"><data type="string"><param name="pattern">[0-9]{8}T[0-9]{6}Z</param></data></define>
 <define name="dates">
  <optional><attribute name="creationdate"><ref name="date"/></attribute></optional>
  <optional><attribute name="creationid"/></optional>
  <optional><attribute name="changedate"><ref name="date"/></attribute></optional>
  <optional><attribute name="changeid"/></optional>
 </define>
 <define name="note"><element name="note"><optional><attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"/></optional>
  <optional><attribute name="o-encoding"/></optional><text/></element></define>
 <define name="prop"><element name="prop"><attribute name="type"/>
  <optional><attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"/></optional>
  <optional><attribute name="o-encoding"/></optional><text/></element></define>
 <define name="common">
  <optional><attribute name="o-encoding"/></optional><optional><attribute name="datatype"/></optional>
  <optional><attribute name="usagecount"><data type="nonNegativeInteger"/></attribute></optional>
  <optional><attribute name="lastusagedate"><ref name="date"/></attribute></optional>
  <optional><attribute name="creationtool"/></optional><optional><attribute name="creationtoolversion"/></optional>
  <optional><attribute name="o-tmf"/></optional>
  <ref name="dates"/>
 </define>
 <define name="tu"><element name="tu">
  <optional><attribute name="tuid"/></optional>
  <optional><attribute name="srclang"/></optional>
  <optional><attribute name="segtype"><ref name="segtype"/></attribute></optional>
  <ref name="common"/>
  <zeroOrMore><choice><ref name="note"/><ref name="prop"/></choice></zeroOrMore>
  <oneOrMore><element name="tuv">
   <attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"/>
   <ref name="common"/>
   <zeroOrMore><choice><ref name="note"/><ref name="prop"/></choice></zeroOrMore>
   <element name="seg"><ref name="inline"/></element>
  </element></oneOrMore>
 </element></define>
 <define name="code"><zeroOrMore><choice><text/><element name="sub"><optional><attribute name="datatype"/></optional>
  <optional><attribute name="type"/></optional><ref name="inline"/></element></choice></zeroOrMore></define>
 <define name="inline"><zeroOrMore><choice><text/>
  <element name="bpt"><attribute name="i"/><optional><attribute name="x"/></optional>
   <optional><attribute name="type"/></optional><ref name="code"/></element>
  <element name="ept"><attribute name="i"/><ref name="code"/></element>
  <element name="ph"><optional><attribute name="x"/></optional><optional><attribute name="type"/></optional>
   <optional><attribute name="assoc"/></optional><ref name="code"/></element>
  <element name="it"><attribute name="pos"><choice><value>begin</value><value>end</value></choice></attribute>
   <optional><attribute name="x"/></optional><optional><attribute name="type"/></optional><ref name="code"/></element>
  <element name="hi"><optional><attribute name="x"/></optional><optional><attribute name="type"/></optional>
   <ref name="inline"/></element>
 </choice></zeroOrMore></define>
</grammar>"""

SCHEMAS = {"xliff-2.1": XLIFF_21, "xliff-1.2": XLIFF_12, "tmx-1.4b": TMX_14B}


@cache
def _schema(name: str) -> etree.RelaxNG:
    return etree.RelaxNG(etree.fromstring(SCHEMAS[name].encode("utf-8")))


def schema_errors(data: bytes, name: str) -> list[str]:
    """Every violation of schema ``name`` (a key of :data:`SCHEMAS`) in ``data``; [] when valid."""
    schema = _schema(name)
    doc = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    if schema.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
